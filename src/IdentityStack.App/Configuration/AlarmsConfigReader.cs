using IdentityStack.Constructs.Monitoring;

namespace IdentityStack.App.Configuration;

/// <summary>
/// Reads <c>stages.{name}.alarms</c>: <c>email</c> (list of addresses) and <c>topicArn</c> (an existing
/// SNS topic). The rules, production's "someone hears them" included, live in
/// <see cref="AlarmNotificationsOptions.Problems"/>.
/// </summary>
internal static class AlarmsConfigReader
{
    /// <summary>The configuration paths of the options' properties, from the stage object (the section may be missing, and production still needs it).</summary>
    private static readonly Dictionary<string, string> ConfigNames = new(StringComparer.Ordinal)
    {
        [nameof(AlarmNotificationsOptions.Emails)] = "alarms.email",
        [nameof(AlarmNotificationsOptions.ExistingTopicArn)] = "alarms.topicArn",
    };

    public static AlarmNotificationsOptions Read(JsonObjectReader stage, bool production)
    {
        var reader = stage.Object("alarms");
        var options = new AlarmNotificationsOptions
        {
            Production = production,
            Emails = reader?.TextArray("email", "use an email address such as \"identity-oncall@example.com\"; each address must confirm the SNS subscription email.") ?? [],
            ExistingTopicArn = reader?.OptionalText("topicArn", "use the ARN of an existing standard SNS topic, e.g. \"arn:aws:sns:eu-west-1:123456789012:ops-alerts\"."),
        };
        reader?.RejectUnknownFields();
        stage.PropsProblems(options.Problems(), ConfigNames);
        return options;
    }
}
