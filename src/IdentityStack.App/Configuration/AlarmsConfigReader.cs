using System.Text.RegularExpressions;

namespace IdentityStack.App.Configuration;

/// <summary>Reads <c>stages.{name}.alarms</c>: <c>email</c> (list of addresses) and <c>topicArn</c> (an existing SNS topic).</summary>
internal static partial class AlarmsConfigReader
{

    /// <summary>SNS caps a topic at far more, but a list this long is a mistake, not an on-call rota.</summary>
    private const int MaxEmails = 20;

    public static AlarmsConfig Read(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return AlarmsConfig.None;
        }

        var emails = reader.StringArray("email", ConfigPatterns.EmailAddress(), "use an email address such as \"identity-oncall@example.com\"; each address must confirm the SNS subscription email.");
        if (emails.Count > MaxEmails)
        {
            reader.Problem("email", emails.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " addresses", $"list at most {MaxEmails} addresses; send to a team list or use \"topicArn\" for more.");
        }

        if (emails.Distinct(StringComparer.OrdinalIgnoreCase).Count() != emails.Count)
        {
            reader.Problem("email", "a repeated address", "list each address once (SNS would subscribe it twice).");
        }

        var topicArn = reader.OptionalString("topicArn", TopicArnPattern(), "use the ARN of an existing standard (not FIFO: alarms cannot publish to one) SNS topic, e.g. \"arn:aws:sns:eu-west-1:123456789012:ops-alerts\".");
        reader.RejectUnknownFields();
        return new AlarmsConfig(emails, topicArn);
    }

    [GeneratedRegex("^arn:aws[a-z-]*:sns:[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]:[0-9]{12}:[A-Za-z0-9_-]{1,256}$", RegexOptions.ExplicitCapture, ConfigPatterns.RegexTimeoutMilliseconds)]
    private static partial Regex TopicArnPattern();
}
