using System.Text.RegularExpressions;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Constructs.UserPools;

/// <summary>
/// Send the pool's email through an Amazon SES verified identity instead of Cognito's default
/// sender (which is limited to a few dozen messages a day).
/// </summary>
/// <param name="IdentityArn">ARN of the verified SES identity, e.g. <c>arn:aws:ses:eu-west-1:123456789012:identity/example.com</c>.</param>
/// <param name="FromAddress">Sender address; must belong to the identity.</param>
/// <param name="FromName">Optional display name for the sender.</param>
/// <param name="ReplyToAddress">Optional reply-to address.</param>
public sealed partial record SesEmailSettings(string IdentityArn, string FromAddress, string? FromName = null, string? ReplyToAddress = null)
{
    /// <summary>The <c>From</c> header Cognito sends: <c>Name &lt;address&gt;</c> or the bare address.</summary>
    public string FromHeader => string.IsNullOrWhiteSpace(FromName) ? FromAddress : $"{FromName} <{FromAddress}>";

    /// <summary>Every problem of these settings (property paths relative to them): ARN and address shapes, and a sender SES would refuse.</summary>
    public IReadOnlyList<PropsProblem> Problems()
    {
        var problems = new List<PropsProblem>();
        var identity = IdentityArn is null ? null : IdentityArnPattern().Match(IdentityArn) is { Success: true } match ? match.Groups["identity"].Value : null;
        if (identity is null)
        {
            problems.Add(new(nameof(IdentityArn), PropsProblem.Quoted(IdentityArn), "use the ARN of a verified SES identity, e.g. \"arn:aws:ses:eu-west-1:123456789012:identity/example.com\", or leave email out to use Cognito's default sender."));
        }

        if (FromAddress is null || !EmailAddressPattern.Regex().IsMatch(FromAddress))
        {
            problems.Add(new(nameof(FromAddress), PropsProblem.Quoted(FromAddress), "use the sender address, e.g. \"no-reply@example.com\"."));
        }
        else if (identity is not null && !SenderBelongsTo(identity))
        {
            problems.Add(new(nameof(FromAddress), PropsProblem.Quoted(FromAddress), $"SES only sends from addresses of the identity '{identity}'; use an address at that domain (or that exact address)."));
        }

        if (FromName is not null && !DisplayNamePattern().IsMatch(FromName))
        {
            problems.Add(new(nameof(FromName), PropsProblem.Quoted(FromName), "use a short display name (1-64 characters) without <, > or quotes, e.g. \"Example Sign-in\"."));
        }

        if (ReplyToAddress is not null && !EmailAddressPattern.Regex().IsMatch(ReplyToAddress))
        {
            problems.Add(new(nameof(ReplyToAddress), PropsProblem.Quoted(ReplyToAddress), "use an email address, e.g. \"support@example.com\"."));
        }

        return problems;
    }

    private bool SenderBelongsTo(string identity)
    {
        if (identity.Contains('@', StringComparison.Ordinal))
        {
            return string.Equals(FromAddress, identity, StringComparison.OrdinalIgnoreCase);
        }

        var domain = FromAddress[(FromAddress.LastIndexOf('@') + 1)..];
        return string.Equals(domain, identity, StringComparison.OrdinalIgnoreCase)
            || domain.EndsWith("." + identity, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("^arn:aws[a-z-]*:ses:[a-z]{2}(-gov)?-[a-z]+-[0-9]:[0-9]{12}:identity/(?<identity>[^/\\s]+)$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex IdentityArnPattern();

    [GeneratedRegex("^[^<>\"\\r\\n]{1,64}$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex DisplayNamePattern();
}
