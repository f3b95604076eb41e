using System.Globalization;
using Amazon.CDK;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Constructs.Triggers;

/// <summary>
/// The triggers' settings, apart from the resources they are wired to (see
/// <see cref="CognitoTriggersProps"/>): what a configuration file can say. <see cref="Problems"/>
/// is the one home of the rules; <see cref="CognitoTriggers"/> refuses settings with problems.
/// </summary>
public record CognitoTriggersOptions
{
    /// <summary>Cognito allows a trigger at most 5 seconds.</summary>
    public static readonly Duration CognitoTimeLimit = Duration.Seconds(5);

    /// <summary>Lower-case email domains allowed to sign up (pre sign-up refuses others); empty allows any. Default empty.</summary>
    public IReadOnlyList<string> AllowedEmailDomains { get; init; } = [];

    /// <summary>Per-trigger time limit; at most 5 seconds. Default 5 seconds.</summary>
    public Duration Timeout { get; init; } = CognitoTimeLimit;

    /// <summary>Every problem of these settings at once (empty when there are none).</summary>
    public virtual IReadOnlyList<PropsProblem> Problems()
    {
        var problems = new List<PropsProblem>();
        var domains = AllowedEmailDomains ?? [];
        for (var i = 0; i < domains.Count; i++)
        {
            if (string.IsNullOrEmpty(domains[i]) || !TriggerSettingFormats.Domain().IsMatch(domains[i]))
            {
                problems.Add(new(string.Create(CultureInfo.InvariantCulture, $"{nameof(AllowedEmailDomains)}[{i}]"), PropsProblem.Quoted(domains[i]), "use a lower-case domain name such as \"example.com\" (no '@', no scheme)."));
            }
        }

        if (Timeout is null || Timeout.ToMilliseconds() > CognitoTimeLimit.ToMilliseconds())
        {
            problems.Add(new(nameof(Timeout), Timeout is null ? "null" : Timeout.ToSeconds().ToString(CultureInfo.InvariantCulture) + " s", "Cognito stops waiting for a trigger after 5 s, so use at most 5 seconds."));
        }

        return problems;
    }
}
