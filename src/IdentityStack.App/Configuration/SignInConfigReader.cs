using System.Text.Json;
using System.Text.RegularExpressions;
using IdentityStack.Constructs;
using IdentityStack.Constructs.UserPools;

namespace IdentityStack.App.Configuration;

/// <summary>Reads <c>stages.{name}.signIn</c>: domain, URLs, providers, look and token validity; production rules at their fields.</summary>
internal static partial class SignInConfigReader
{
    private static readonly string[] ReservedPrefixWords = ["aws", "amazon", "cognito"];


    public static SignInConfig? Read(string stageName, bool production, JsonObjectReader? reader, List<IdentityStack.Constructs.Federation.FederatedProvider> federation)
    {
        if (reader is null)
        {
            return null;
        }

        var customDomain = ReadCustomDomain(reader.Object("customDomain"));
        if (reader.Has("domainPrefix") == reader.Has("customDomain"))
        {
            reader.Problem("domainPrefix", reader.Has("domainPrefix") ? "(both set)" : "missing", "give exactly one of \"domainPrefix\" (a Cognito domain) and \"customDomain\" (your own).");
        }

        var prefix = reader.OptionalString("domainPrefix", DomainPrefixPattern(), "use 1-63 lower-case letters, digits or hyphens, not starting or ending with a hyphen, e.g. \"acme-identity-dev\".");
        if (prefix is not null && ReservedPrefixWords.FirstOrDefault(w => prefix.Contains(w, StringComparison.Ordinal)) is { } reserved)
        {
            reader.Problem("domainPrefix", "\"" + prefix + "\"", $"Cognito refuses prefixes containing '{reserved}'; choose another, e.g. \"acme-identity-{stageName}\".");
            prefix = null;
        }

        var callbacks = ReadUrls(reader, "callbackUrls");
        var logouts = ReadUrls(reader, "logoutUrls");
        var allowPasswordAuth = reader.Bool("allowPasswordAuth", defaultValue: false);
        if (production)
        {
            ReportProductionSignIn(reader, allowPasswordAuth, callbacks ?? [], logouts ?? []);
        }

        var providers = ReadIdentityProviders(reader, federation);
        var look = HostedUiConfigReader.Read(reader);
        var validity = reader.Object("tokenValidity");
        var access = validity?.Int("accessMinutes", 5, 1440);
        var id = validity?.Int("idMinutes", 5, 1440);
        var refresh = validity?.Int("refreshDays", 1, 3650);
        validity?.RejectUnknownFields();
        reader.RejectUnknownFields();
        return (prefix is null && customDomain is null) || callbacks is null || logouts is null
            ? null
            : new SignInConfig
            {
                DomainPrefix = prefix,
                CustomDomain = customDomain,
                CallbackUrls = callbacks,
                LogoutUrls = logouts,
                AllowPasswordAuth = allowPasswordAuth,
                IdentityProviders = providers,
                Ui = look.Ui,
                ClassicCss = look.ClassicCss,
                ClassicLogo = look.ClassicLogo,
                ManagedLoginStyle = look.ManagedLoginStyle,
                AccessTokenMinutes = access ?? 60,
                IdTokenMinutes = id ?? 60,
                RefreshTokenDays = refresh ?? 30,
            };
    }

    /// <summary>signIn.identityProviders: each must name a configured federation provider.</summary>
    private static List<string> ReadIdentityProviders(JsonObjectReader reader, List<IdentityStack.Constructs.Federation.FederatedProvider> federation)
    {
        var providers = new List<string>();
        var enabled = federation.Count == 0 ? "none is configured" : "enabled: " + string.Join(", ", federation.Select(f => f.Name));
        foreach (var (item, path) in reader.Array("identityProviders"))
        {
            if (reader.Text(item, path, $"name a provider of \"federation\" ({enabled}).") is not { } provider)
            {
                continue;
            }

            if (federation.Any(f => string.Equals(f.Name, provider, StringComparison.Ordinal)))
            {
                providers.Add(provider);
            }
            else
            {
                reader.ProblemAt(path, item.GetRawText(), $"no provider of that name under \"federation\" ({enabled}); add it there or remove it here.");
            }
        }

        return providers;
    }

    private static IdentityStack.Constructs.SignIn.CustomSignInDomain? ReadCustomDomain(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var name = reader.RequiredString("domainName", ConfigPatterns.Domain(), "use a lower-case fully qualified name such as \"auth.example.com\".");
        var certificate = reader.RequiredString("certificateArn", CertificateArnPattern(), "use the ARN of an ACM certificate in us-east-1 (Cognito serves custom domains through CloudFront), e.g. \"arn:aws:acm:us-east-1:123456789012:certificate/...\".");
        var zoneId = reader.OptionalString("hostedZoneId", HostedZoneIdPattern(), "use the Route 53 hosted zone id, e.g. \"Z0123456789ABCDEFGHIJ\".");
        var zoneName = reader.OptionalString("hostedZoneName", ConfigPatterns.Domain(), "use the hosted zone's domain, e.g. \"example.com\".");
        reader.RejectUnknownFields();
        if (reader.Has("hostedZoneId") != reader.Has("hostedZoneName"))
        {
            reader.Problem("hostedZoneId", zoneId is null ? "missing" : "\"" + zoneId + "\"", "give both hostedZoneId and hostedZoneName for the alias records, or neither.");
            return null;
        }

        if (name is not null && zoneName is not null && !name.EndsWith("." + zoneName, StringComparison.Ordinal))
        {
            reader.Problem("domainName", "\"" + name + "\"", $"it is not inside the hosted zone '{zoneName}'; use a name under it, e.g. \"auth.{zoneName}\".");
            return null;
        }

        return name is null || certificate is null ? null : new IdentityStack.Constructs.SignIn.CustomSignInDomain(name, certificate, zoneId, zoneName);
    }

    /// <summary>Absolute https URLs (http only on localhost), no fragment; at least one.</summary>
    private static List<string>? ReadUrls(JsonObjectReader reader, string field)
    {
        var items = reader.Array(field);
        if (items.Count == 0)
        {
            reader.Problem(field, "missing", "list at least one URL, e.g. [\"https://app.example.com/callback\"].");
            return null;
        }

        var urls = new List<string>();
        foreach (var (item, path) in items)
        {
            const string Fix = "use an absolute https URL without '#' (http is allowed only for localhost), e.g. \"https://app.example.com/callback\".";
            if (reader.Text(item, path, Fix) is not { } text)
            {
                continue;
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Fragment.Length > 0
                || !(string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal)
                    || (string.Equals(uri.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal) && uri.IsLoopback)))
            {
                reader.ProblemAt(path, item.GetRawText(), Fix);
                continue;
            }

            urls.Add(text);
        }

        return urls.Count == items.Count ? urls : null;
    }

    /// <summary>ProductionPolicy's sign-in rules: settings are "allowPasswordAuth" or "callbackUrls[i]" / "logoutUrls[i]"; the value written is shown.</summary>
    private static void ReportProductionSignIn(JsonObjectReader reader, bool allowPasswordAuth, IReadOnlyList<string> callbacks, IReadOnlyList<string> logouts)
    {
        foreach (var problem in ProductionPolicy.SignInProblems(allowPasswordAuth, callbacks, logouts))
        {
            var parts = problem.Setting.Split('[', ']');
            var value = parts.Length > 1
                ? StageConfigReader.Quoted((string.Equals(parts[0], "callbackUrls", StringComparison.Ordinal) ? callbacks : logouts)[int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)])
                : "true";
            reader.Problem(problem.Setting, value, problem.Fix + StageConfigReader.ProductionNote);
        }
    }


    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.ExplicitCapture, ConfigPatterns.RegexTimeoutMilliseconds)]
    private static partial Regex DomainPrefixPattern();

    [GeneratedRegex("^arn:aws[a-z-]*:acm:us-east-1:[0-9]{12}:certificate/[0-9a-f-]{36}$", RegexOptions.ExplicitCapture, ConfigPatterns.RegexTimeoutMilliseconds)]
    private static partial Regex CertificateArnPattern();

    [GeneratedRegex("^Z[A-Z0-9]{1,32}$", RegexOptions.ExplicitCapture, ConfigPatterns.RegexTimeoutMilliseconds)]
    private static partial Regex HostedZoneIdPattern();
}
