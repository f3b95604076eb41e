using IdentityStack.Constructs.Monitoring;

namespace IdentityStack.App.Configuration;

/// <summary>
/// Reads <c>stages.{name}.alarms</c>: <c>email</c> (list of addresses) and <c>topicArn</c> (an existing
/// SNS topic). The rules live in <see cref="AlarmNotificationsOptions.Problems"/>.
/// </summary>
internal static class AlarmsConfigReader
{
    /// <summary>The configuration names of the options' properties where they differ from the camel-cased property name.</summary>
    private static readonly Dictionary<string, string> ConfigNames = new(StringComparer.Ordinal)
    {
        [nameof(AlarmNotificationsOptions.Emails)] = "email",
        [nameof(AlarmNotificationsOptions.ExistingTopicArn)] = "topicArn",
    };

    public static AlarmNotificationsOptions Read(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return new AlarmNotificationsOptions();
        }

        var before = reader.ProblemCount;
        var options = new AlarmNotificationsOptions
        {
            Emails = reader.TextArray("email", "use an email address such as \"identity-oncall@example.com\"; each address must confirm the SNS subscription email."),
            ExistingTopicArn = reader.OptionalText("topicArn", "use the ARN of an existing standard SNS topic, e.g. \"arn:aws:sns:eu-west-1:123456789012:ops-alerts\"."),
        };
        reader.RejectUnknownFields();
        if (reader.ProblemCount == before)
        {
            reader.PropsProblems(options.Problems(), ConfigNames);
        }

        return options;
    }
}
