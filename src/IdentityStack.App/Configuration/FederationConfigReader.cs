using System.Text.RegularExpressions;
using IdentityStack.Constructs.Federation;
using IdentityStack.Constructs;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.App.Configuration;

/// <summary>
/// Reads <c>stages.{name}.federation</c>: a list of providers, each <c>{ "type": ..., "name": ... }</c>
/// plus its own fields. Secrets are accepted only as Secrets Manager ARNs.
/// </summary>
internal static partial class FederationConfigReader
{
    private static readonly string[] PlainSecretFields = ["clientSecret", "privateKey", "secret"];
    private static readonly string[] DefaultOidcScopes = ["openid", "email", "profile"];

    /// <summary>The name Cognito gives each social provider type of the configuration.</summary>
    private static readonly Dictionary<string, string> SocialNames = new(StringComparer.Ordinal)
    {
        ["Google"] = GoogleProvider.TypeName,
        ["Facebook"] = FacebookProvider.TypeName,
        ["Amazon"] = AmazonProvider.TypeName,
        ["Apple"] = AppleProvider.TypeName,
    };

    /// <summary>The configuration names of provider properties whose names differ from the property's.</summary>
    private static readonly Dictionary<string, string> ConfigNames = new(StringComparer.Ordinal)
    {
        [nameof(FederatedProvider.FixedTenant)] = "tenant",
    };

    /// <summary>Reads every provider; <paramref name="allowedEmailDomains"/> decides which providers' users could never get tokens.</summary>
    public static List<FederatedProvider> Read(JsonObjectReader stage, IReadOnlyList<string> allowedEmailDomains)
    {
        var providers = new List<FederatedProvider>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reader in stage.Objects("federation", "each provider is an object such as { \"type\": \"Google\", \"clientId\": \"...\", \"clientSecretArn\": \"arn:aws:secretsmanager:...\" }."))
        {
            var before = stage.ProblemCount;
            foreach (var plain in PlainSecretFields.Where(reader.Has))
            {
                reader.Problem(plain, "(a secret value)", $"plain secrets are not accepted in cdk.json; store it in Secrets Manager and set \"{plain}Arn\" to the secret's ARN.");
            }

            var type = reader.RequiredString("type", TypePattern(), "use one of Google, Facebook, Amazon, Apple, OIDC, SAML.");
            var name = ReadName(reader, type);
            if (name is not null && !names.Add(name))
            {
                reader.Problem("name", PropsProblem.Quoted(name), "provider names must be unique in a stage; rename one.");
            }

            var provider = ReadProvider(reader, type, name ?? string.Empty);
            reader.RejectUnknownFields();
            if (provider is not null)
            {
                reader.PropsProblems(provider.Problems(), ConfigNames);
                if (FederatedEmailRules.Problem(allowedEmailDomains, provider) is { } unreachable)
                {
                    reader.PropsProblems([unreachable]);
                }
            }

            if (provider is not null && stage.ProblemCount == before)
            {
                providers.Add(provider);
            }
        }

        return providers;
    }

    /// <summary>
    /// The provider's name: Cognito names a social provider after its type and refuses any other name
    /// ("Provider X cannot be of type Google"), so there "name" may be left out or must be that name;
    /// OIDC and SAML providers need one of 3-32 characters.
    /// </summary>
    private static string? ReadName(JsonObjectReader reader, string? type)
    {
        if (type is not null && SocialNames.TryGetValue(type, out var fixedName))
        {
            var given = reader.OptionalString("name", ProviderNamePattern(), $"leave \"name\" out: Cognito names a {type} provider \"{fixedName}\".");
            if (given is not null && !string.Equals(given, fixedName, StringComparison.Ordinal))
            {
                reader.Problem("name", PropsProblem.Quoted(given), $"Cognito names a {type} provider \"{fixedName}\" and refuses any other name; leave \"name\" out or write \"{fixedName}\".");
            }

            return fixedName;
        }

        return reader.RequiredString("name", ProviderNamePattern(), "use 3-32 letters, digits, '-' or '.', not 'Cognito', e.g. \"AcmeCorp\".");
    }

    private static FederatedProvider? ReadProvider(JsonObjectReader reader, string? type, string name)
    {
        var tenant = reader.OptionalString("tenantAttribute", AttributeNamePattern(), "use the provider attribute (claim) that holds the tenant id.");
        FederatedProvider? provider = type switch
        {
            "Google" => new GoogleProvider(ClientId(reader), SecretArn(reader, "clientSecretArn"), Scopes(reader, DefaultOidcScopes)),
            "Facebook" => new FacebookProvider(ClientId(reader), SecretArn(reader, "clientSecretArn"), Scopes(reader, ["public_profile", "email"])),
            "Amazon" => new AmazonProvider(ClientId(reader), SecretArn(reader, "clientSecretArn"), Scopes(reader, ["profile"])),
            "Apple" => new AppleProvider(
                ClientId(reader),
                reader.RequiredString("teamId", AppleIdPattern(), "use the 10-character Apple team id.") ?? string.Empty,
                reader.RequiredString("keyId", AppleIdPattern(), "use the 10-character id of the Sign in with Apple key.") ?? string.Empty,
                SecretArn(reader, "privateKeySecretArn"),
                Scopes(reader, ["email", "name"])),
            "OIDC" => new OidcProvider(
                name,
                reader.RequiredString("issuer", HttpsUrlPattern(), "use the issuer URL (https), e.g. \"https://login.example.com\".") ?? string.Empty,
                ClientId(reader),
                SecretArn(reader, "clientSecretArn"),
                Scopes(reader, DefaultOidcScopes),
                reader.Choice("attributeRequestMethod", "GET", RequestMethods)),
            "SAML" => ReadSaml(reader, name),
            _ => null,
        };
        var tenants = reader.TextArray("tenants", $"use tenant ids: {TriggerSettingFormats.TenantIdShape}, e.g. [\"acme-01\"].");
        var fixedTenant = reader.OptionalText("tenant", $"use the one tenant id of every user of this provider: {TriggerSettingFormats.TenantIdShape}.");
        var trustEmail = reader.Bool("trustEmail", defaultValue: false);
        var exempt = reader.Bool("exemptFromAllowList", defaultValue: false);
        // Read for SAML too, so the provider's own check names the field rather than "unknown field".
        var secretVersionId = reader.OptionalText("secretVersionId", "use the VersionId that 'aws secretsmanager put-secret-value' printed for the secret's new value.");
        var secretVersionStage = reader.OptionalText("secretVersionStage", "use a staging label of the secret, e.g. \"AWSPENDING\".");
        return provider is null ? null : provider with
        {
            TenantAttribute = tenant,
            Tenants = tenants,
            FixedTenant = fixedTenant,
            TrustEmail = trustEmail,
            ExemptFromAllowList = exempt,
            SecretVersionId = secretVersionId,
            SecretVersionStage = secretVersionStage,
        };
    }

    private static SamlProvider? ReadSaml(JsonObjectReader reader, string name)
    {
        var url = reader.OptionalString("metadataUrl", HttpsUrlPattern(), "use the https URL of the IdP's SAML metadata.");
        var file = reader.OptionalString("metadataFile", MetadataFilePattern(), "use a path to the IdP's metadata XML, relative to the repository, e.g. \"config/saml/acme.xml\".");
        string? document = null;
        if (file is not null && ConfiguredFile.Find(reader, "metadataFile", file, "Commit the metadata XML there or use metadataUrl.") is { } resolved)
        {
            document = File.ReadAllText(resolved);
        }

        if (reader.Has("metadataUrl") == reader.Has("metadataFile"))
        {
            reader.Problem("metadataUrl", url is null ? "missing" : PropsProblem.Quoted(url), "give exactly one of metadataUrl and metadataFile.");
            return null;
        }

        var emailClaim = reader.OptionalString("emailClaim", AttributeNamePattern(), "use the SAML attribute (claim) name that carries the email address.");
        var nameClaim = reader.OptionalString("nameClaim", AttributeNamePattern(), "use the SAML attribute (claim) name that carries the display name.");
        var defaults = new SamlProvider(name, url, document);
        return defaults with
        {
            EmailClaim = emailClaim ?? defaults.EmailClaim,
            NameClaim = nameClaim ?? defaults.NameClaim,
            IdpInitiated = reader.Bool("idpInitiated", defaultValue: false),
            SignRequests = reader.Bool("signRequests", defaultValue: true),
            EncryptedResponses = reader.Bool("encryptedResponses", defaultValue: true),
            IdpSignOut = reader.Bool("idpSignOut", defaultValue: true),
        };
    }

    private static readonly Dictionary<string, string> RequestMethods = new(StringComparer.Ordinal) { ["GET"] = "GET", ["POST"] = "POST" };

    private static string ClientId(JsonObjectReader reader) =>
        reader.RequiredString("clientId", ClientIdPattern(), "use the client (app) id the provider issued.") ?? string.Empty;

    private static string SecretArn(JsonObjectReader reader, string field) =>
        reader.RequiredString(field, SecretArnPattern(), "use the ARN of a Secrets Manager secret, e.g. \"arn:aws:secretsmanager:eu-west-1:123456789012:secret:identity/google-AbCdEf\".") ?? string.Empty;

    private static List<string> Scopes(JsonObjectReader reader, string[] defaults)
    {
        var scopes = reader.StringArray("scopes", AttributeNamePattern(), "use a scope name such as \"openid\".");
        return scopes.Count == 0 ? [.. defaults] : scopes;
    }

    [GeneratedRegex("^(?!Cognito$)[A-Za-z0-9][A-Za-z0-9.-]{2,31}$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex ProviderNamePattern();

    [GeneratedRegex("^(Google|Facebook|Amazon|Apple|OIDC|SAML)$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex TypePattern();

    [GeneratedRegex("^[\\x21-\\x7E]{1,512}$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex AttributeNamePattern();

    [GeneratedRegex("^[\\x21-\\x7E]{1,256}$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex ClientIdPattern();

    [GeneratedRegex("^[A-Z0-9]{10}$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex AppleIdPattern();

    [GeneratedRegex("^https://[^\\s#]+$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex HttpsUrlPattern();

    [GeneratedRegex("^[A-Za-z0-9_./-]+\\.xml$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex MetadataFilePattern();

    [GeneratedRegex("^arn:aws[a-z-]*:secretsmanager:[a-z]{2}(-gov)?-[a-z]+-[0-9]:[0-9]{12}:secret:[A-Za-z0-9/_+=.@-]+$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex SecretArnPattern();
}
