using System.Text.Json;
using System.Text.RegularExpressions;
using IdentityStack.Constructs;
using IdentityStack.Constructs.UserPools;

namespace IdentityStack.App.Configuration;

/// <summary>Reads <c>stages.{name}.email</c>: the SES identity and sender, which must belong to the identity.</summary>
internal static partial class EmailConfigReader
{
    public static SesEmailSettings? Read(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var arn = reader.RequiredString("sesIdentityArn", SesIdentityArnPattern(), "use the ARN of a verified SES identity, e.g. \"arn:aws:ses:eu-west-1:123456789012:identity/example.com\", or remove \"email\" to use Cognito's default sender.");
        var from = reader.RequiredString("fromAddress", ConfigPatterns.EmailAddress(), "use the sender address, e.g. \"no-reply@example.com\".");
        var fromName = reader.OptionalString("fromName", DisplayNamePattern(), "use a short display name without <, > or quotes, e.g. \"Example Sign-in\".");
        var replyTo = reader.OptionalString("replyTo", ConfigPatterns.EmailAddress(), "use an email address, e.g. \"support@example.com\".");
        reader.RejectUnknownFields();
        if (arn is null || from is null)
        {
            return null;
        }

        var identity = SesIdentityArnPattern().Match(arn).Groups["identity"].Value;
        if (!SenderBelongsToIdentity(from, identity))
        {
            reader.Problem("fromAddress", "\"" + from + "\"", $"SES only sends from addresses of the identity '{identity}'; use an address at that domain (or that exact address).");
            return null;
        }

        return new SesEmailSettings(arn, from, fromName, replyTo);
    }

    private static bool SenderBelongsToIdentity(string from, string identity)
    {
        if (identity.Contains('@', StringComparison.Ordinal))
        {
            return string.Equals(from, identity, StringComparison.OrdinalIgnoreCase);
        }

        var domain = from[(from.LastIndexOf('@') + 1)..];
        return string.Equals(domain, identity, StringComparison.OrdinalIgnoreCase)
            || domain.EndsWith("." + identity, StringComparison.OrdinalIgnoreCase);
    }


    [GeneratedRegex("^arn:aws[a-z-]*:ses:[a-z]{2}(-gov)?-[a-z]+-[0-9]:[0-9]{12}:identity/(?<identity>[^/\\s]+)$", RegexOptions.ExplicitCapture, ConfigPatterns.RegexTimeoutMilliseconds)]
    private static partial Regex SesIdentityArnPattern();

    [GeneratedRegex("^[^<>\"\\r\\n]{1,64}$", RegexOptions.ExplicitCapture, ConfigPatterns.RegexTimeoutMilliseconds)]
    private static partial Regex DisplayNamePattern();
}
