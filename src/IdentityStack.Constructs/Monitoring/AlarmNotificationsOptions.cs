using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.CDK;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Constructs.Monitoring;

/// <summary>
/// Who gets a stage's alarms, apart from how the topic is made (see <see cref="AlarmNotificationsProps"/>):
/// what a configuration file can say. <see cref="Problems"/> is the one home of the rules.
/// </summary>
public partial record AlarmNotificationsOptions
{
    /// <summary>SNS takes far more, but a list this long is a mistake, not an on-call rota.</summary>
    public const int MaxEmails = 20;

    /// <summary>Addresses subscribed to the alarm topic (each confirms by email). Default none.</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>An existing SNS topic (a team's paging or chat integration) that also gets every alarm. Default none.</summary>
    public string? ExistingTopicArn { get; init; }

    /// <summary>
    /// A production stage: settings without a subscriber (no <see cref="Emails"/> and no
    /// <see cref="ExistingTopicArn"/>) are a problem, since such alarms reach no one
    /// (<see cref="ProductionPolicy.AlarmProblems"/>). Default false.
    /// </summary>
    public bool Production { get; init; }

    /// <summary>Every problem of these settings at once (empty when there are none).</summary>
    public virtual IReadOnlyList<PropsProblem> Problems()
    {
        var problems = new List<PropsProblem>();
        var emails = Emails ?? [];
        for (var i = 0; i < emails.Count; i++)
        {
            var email = emails[i];
            if (string.IsNullOrWhiteSpace(email) || (!Token.IsUnresolved(email) && !EmailAddressPattern.Regex().IsMatch(email)))
            {
                problems.Add(new(string.Create(CultureInfo.InvariantCulture, $"{nameof(Emails)}[{i}]"), PropsProblem.Quoted(email), "use an email address such as \"identity-oncall@example.com\"; each address must confirm the SNS subscription email."));
            }
        }

        if (emails.Count > MaxEmails)
        {
            problems.Add(new(nameof(Emails), emails.Count.ToString(CultureInfo.InvariantCulture) + " addresses", $"list at most {MaxEmails} addresses; send to a team list or use an existing topic for more."));
        }

        if (emails.Where(e => e is not null).Distinct(StringComparer.OrdinalIgnoreCase).Count() != emails.Count(e => e is not null))
        {
            problems.Add(new(nameof(Emails), "an address listed twice", "list each address once (SNS would subscribe it twice)."));
        }

        if (ExistingTopicArn is { } arn && !Token.IsUnresolved(arn) && !StandardTopicArn().IsMatch(arn))
        {
            problems.Add(new(nameof(ExistingTopicArn), PropsProblem.Quoted(arn), "use the ARN of an existing standard (not FIFO: CloudWatch alarms cannot publish to one) SNS topic, e.g. \"arn:aws:sns:eu-west-1:123456789012:ops-alerts\"."));
        }

        if (Production)
        {
            problems.AddRange(ProductionPolicy.AlarmProblems(this));
        }

        return problems;
    }

        [GeneratedRegex("^arn:aws[a-z-]*:sns:[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]:[0-9]{12}:[A-Za-z0-9_-]{1,256}$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex StandardTopicArn();
}
