using Amazon.CDK;
using IdentityStack.Constructs.SignIn;

namespace IdentityStack.App.Configuration;

/// <summary>Reads <c>stages.{name}.signIn</c>: domain, URLs, providers, look and token validity; production rules at their fields.</summary>
internal static class SignInConfigReader
{
    /// <summary>The configuration names of the options' properties where they differ from the camel-cased property path.</summary>
    private static readonly Dictionary<string, string> ConfigNames = new(StringComparer.Ordinal)
    {
        [nameof(HostedSignInOptions.AccessTokenValidity)] = "tokenValidity.accessMinutes",
        [nameof(HostedSignInOptions.IdTokenValidity)] = "tokenValidity.idMinutes",
        [nameof(HostedSignInOptions.RefreshTokenValidity)] = "tokenValidity.refreshDays",
    };

    private static readonly Dictionary<string, FirstAuthFactor> FactorChoices = Enum.GetValues<FirstAuthFactor>().ToDictionary(f => f.ToCfn(), StringComparer.Ordinal);

    private static readonly Dictionary<string, PasskeyUserVerification> VerificationChoices = new(StringComparer.Ordinal)
    {
        ["required"] = PasskeyUserVerification.Required,
        ["preferred"] = PasskeyUserVerification.Preferred,
    };

    private const string PositiveFix = "use a positive whole number.";

    /// <summary>The sign-in settings, or null when the stage has none. The rules live in <see cref="HostedSignInOptions.Problems"/>.</summary>
    public static SignInConfig? Read(bool production, JsonObjectReader? reader, List<IdentityStack.Constructs.Federation.FederatedProvider> federation)
    {
        if (reader is null)
        {
            return null;
        }

        var look = HostedUiConfigReader.Read(reader);
        var validity = reader.Object("tokenValidity");
        var defaults = new HostedSignInOptions { CallbackUrls = [], LogoutUrls = [] };
        var options = new HostedSignInOptions
        {
            Production = production,
            DomainPrefix = reader.OptionalText("domainPrefix", "use 1-63 lower-case letters, digits or hyphens, e.g. \"acme-identity-dev\"."),
            CustomDomain = ReadCustomDomain(reader.Object("customDomain")),
            CallbackUrls = reader.TextArray("callbackUrls", "use an absolute https URL, e.g. \"https://app.example.com/callback\"."),
            LogoutUrls = reader.TextArray("logoutUrls", "use an absolute https URL, e.g. \"https://app.example.com/\"."),
            AllowPasswordAuth = reader.Bool("allowPasswordAuth", defaultValue: false),
            Ui = look.Ui,
            ClassicCss = look.ClassicCss,
            ClassicLogo = look.ClassicLogo,
            ManagedLoginStyle = look.ManagedLoginStyle,
            AccessTokenValidity = validity?.WholeDuration("accessMinutes", Duration.Minutes, PositiveFix) ?? defaults.AccessTokenValidity,
            IdTokenValidity = validity?.WholeDuration("idMinutes", Duration.Minutes, PositiveFix) ?? defaults.IdTokenValidity,
            RefreshTokenValidity = validity?.WholeDuration("refreshDays", Duration.Days, PositiveFix) ?? defaults.RefreshTokenValidity,
            FirstFactors = reader.Has("firstFactors") ? reader.Choices("firstFactors", FactorChoices) : defaults.FirstFactors,
            PasskeyUserVerification = reader.Choice("passkeyUserVerification", defaults.PasskeyUserVerification, VerificationChoices),
            MachineClients = ReadMachineClients(reader),
        };
        var providers = ReadIdentityProviders(reader, federation);
        validity?.RejectUnknownFields();
        reader.RejectUnknownFields();
        reader.PropsProblems(options.Problems(), ConfigNames);
        return new SignInConfig(options, providers);
    }

    /// <summary>
    /// signIn.machineClients: name, tenantId and scopes of each. Every item keeps its place (an item
    /// that is not an object, or has no name, becomes an empty definition), so the options' problems
    /// land at the index the user wrote; those at a path the reader already reported are left out.
    /// </summary>
    private static List<MachineClientDefinition> ReadMachineClients(JsonObjectReader reader)
    {
        var clients = new List<MachineClientDefinition>();
        foreach (var (item, path) in reader.Array("machineClients"))
        {
            if (item.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                reader.ProblemAt(path, item.GetRawText(), "each machine client is an object: { \"name\": \"billing-export\", \"tenantId\": \"acme-01\", \"scopes\": [\"read\"] }.");
                clients.Add(new MachineClientDefinition(string.Empty));
                continue;
            }

            var client = reader.Nested(item, path);
            var name = client.RequiredText("name", "use 1-32 lower-case letters and digits, words joined by single hyphens, e.g. \"billing-export\".");
            var tenant = client.OptionalText("tenantId", "use the tenant id the client acts for, e.g. \"acme-01\", or leave it out.");
            var scopes = client.Has("scopes") ? client.TextArray("scopes", "use \"read\" or \"write\".") : null;
            client.RejectUnknownFields();
            clients.Add(new MachineClientDefinition(name ?? string.Empty) { TenantId = tenant, Scopes = scopes ?? new MachineClientDefinition(string.Empty).Scopes });
        }

        return clients;
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

    private static CustomSignInDomain? ReadCustomDomain(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var name = reader.RequiredText("domainName", "use a lower-case fully qualified name such as \"auth.example.com\".");
        var certificate = reader.RequiredText("certificateArn", "use the ARN of an ACM certificate in us-east-1, e.g. \"arn:aws:acm:us-east-1:123456789012:certificate/...\".");
        var zoneId = reader.OptionalText("hostedZoneId", "use the Route 53 hosted zone id, e.g. \"Z0123456789ABCDEFGHIJ\".");
        var zoneName = reader.OptionalText("hostedZoneName", "use the hosted zone's domain, e.g. \"example.com\".");
        reader.RejectUnknownFields();
        // A custom domain whose fields have problems is still the domain the user chose: kept with
        // what could be read, so the options do not also report "no domain" (their problems at the
        // fields already reported are left out).
        return new CustomSignInDomain(name ?? string.Empty, certificate ?? string.Empty, zoneId, zoneName);
    }
}
