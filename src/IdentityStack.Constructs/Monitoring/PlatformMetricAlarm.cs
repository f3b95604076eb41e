using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Constructs;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Constructs.Monitoring;

/// <summary>
/// An alarm on one of the platform's own metrics, which the functions count in their logs
/// (CloudWatch Embedded Metric Format, namespace <see cref="TriggerMetricNames.Namespace"/>, no
/// dimensions): it fires when the five-minute sum reaches the threshold.
/// </summary>
public static class PlatformMetricAlarm
{
    /// <summary>Creates the alarm as <paramref name="id"/> in <paramref name="scope"/>.</summary>
    /// <param name="scope">Where the alarm is created.</param>
    /// <param name="id">The alarm's construct id.</param>
    /// <param name="metricName">A name of <see cref="TriggerMetricNames"/>.</param>
    /// <param name="threshold">The five-minute sum at which the alarm fires.</param>
    /// <param name="description">What the alarm means and where to look, for the person it reaches.</param>
    public static Alarm Create(Construct scope, string id, string metricName, double threshold, string description) =>
        new Metric(new MetricProps
        {
            Namespace = TriggerMetricNames.Namespace,
            MetricName = metricName,
            Period = Duration.Minutes(5),
            Statistic = Stats.SUM,
        }).CreateAlarm(scope, id, new CreateAlarmOptions
        {
            AlarmDescription = description,
            Threshold = threshold,
            EvaluationPeriods = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
}
