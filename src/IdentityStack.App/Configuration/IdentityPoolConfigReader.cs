using System.Text.RegularExpressions;
using IdentityStack.Constructs.IdentityPools;
using IdentityStack.Constructs.UserPools;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.App.Configuration;

/// <summary>Reads <c>stages.{name}.identityPool</c>; problems name the field and the fix.</summary>
internal static partial class IdentityPoolConfigReader
{
    private const string RulesField = "roleMappingRules";

    private static readonly Dictionary<string, RoleMappingMatch> MatchChoices = Enum.GetValues<RoleMappingMatch>().ToDictionary(m => m.ToString(), StringComparer.Ordinal);

    private static readonly Dictionary<string, IdentityPoolRole> RoleChoices = new(StringComparer.Ordinal)
    {
        ["authenticated"] = IdentityPoolRole.Authenticated,
        ["admin"] = IdentityPoolRole.Admin,
    };

    private static readonly Dictionary<string, ExternalIdentityRole> ExternalRoleChoices = new(StringComparer.Ordinal)
    {
        ["authenticated"] = ExternalIdentityRole.Authenticated,
        ["own"] = ExternalIdentityRole.Own,
        ["readOnly"] = ExternalIdentityRole.ReadOnly,
    };

    /// <summary>The identity pool settings, or null when the stage has none (or they are invalid). The rules live in <see cref="SecureIdentityPoolOptions.Problems"/>.</summary>
    public static SecureIdentityPoolOptions? Read(JsonObjectReader? reader, bool hasSignIn, IReadOnlyList<UserPoolGroupDefinition> groups, bool production, string? account)
    {
        if (reader is null)
        {
            return null;
        }

        var before = reader.ProblemCount;
        var options = new SecureIdentityPoolOptions
        {
            AllowGuests = reader.Bool("allowGuests", defaultValue: false),
            PublicProviders = ReadPublicProviders(reader.Object("publicProviders")),
            OpenIdConnectProviderArns = reader.TextArray("openIdConnectProviderArns", "use an IAM OIDC provider ARN, e.g. \"arn:aws:iam::123456789012:oidc-provider/idp.example.com\"."),
            SamlProviderArns = reader.TextArray("samlProviderArns", "use an IAM SAML provider ARN, e.g. \"arn:aws:iam::123456789012:saml-provider/Acme\"."),
            DeveloperProviderName = reader.OptionalText("developerProviderName", "use a developer provider name such as \"login.example.app\"."),
            AdminGroup = GroupReference.Read(reader, "adminGroup", groups),
            RoleMappingRules = ReadRules(reader),
            TenantTags = reader.Bool("tenantTags", defaultValue: true),
            ExternalIdentities = reader.Choice("externalIdentities", ExternalIdentityRole.Authenticated, ExternalRoleChoices),
            Production = production,
            Account = account,
        };
        reader.RejectUnknownFields();
        if (!hasSignIn)
        {
            reader.ProblemAt(reader.Path, "(no signIn)", "the identity pool takes tokens of the SPA and server app clients; add \"signIn\" to the stage or remove \"identityPool\".");
        }

        reader.PropsProblems(options.Problems());
        return reader.ProblemCount > before ? null : options;
    }

    private static PublicLoginProviders ReadPublicProviders(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return new PublicLoginProviders();
        }

        const string Fix = "use the provider's app (client) id as a string.";
        var providers = new PublicLoginProviders
        {
            Google = reader.OptionalString("google", AppIdPattern(), Fix),
            Facebook = reader.OptionalString("facebook", AppIdPattern(), Fix),
            Amazon = reader.OptionalString("amazon", AppIdPattern(), Fix),
            Apple = reader.OptionalString("apple", AppIdPattern(), Fix),
        };
        reader.RejectUnknownFields();
        return providers;
    }

    private static List<RoleMappingRule> ReadRules(JsonObjectReader reader)
    {
        var rules = new List<RoleMappingRule>();
        foreach (var rule in reader.Objects(RulesField, "use { \"claim\": \"cognito:groups\", \"match\": \"Contains\", \"value\": \"admins\", \"role\": \"admin\" }."))
        {
            var claim = rule.RequiredString("claim", ClaimPattern(), "use an ID token claim name, e.g. \"custom:tenant_id\" or \"cognito:groups\".");
            var match = rule.Has("match") ? rule.Choice("match", RoleMappingMatch.Equals, MatchChoices) : (RoleMappingMatch?)null;
            var value = rule.RequiredString("value", RuleValuePattern(), "use the value to compare the claim with (1-128 characters).");
            var role = rule.Has("role") ? rule.Choice("role", IdentityPoolRole.Authenticated, RoleChoices) : (IdentityPoolRole?)null;
            if (match is null)
            {
                rule.Problem("match", "missing", "use one of " + string.Join(", ", MatchChoices.Keys) + ".");
            }

            if (role is null)
            {
                rule.Problem("role", "missing", "use one of " + string.Join(", ", RoleChoices.Keys) + ".");
            }

            rule.RejectUnknownFields();
            if (claim is not null && value is not null && match is { } m && role is { } r)
            {
                rules.Add(new RoleMappingRule { Claim = claim, Match = m, Value = value, Role = r });
            }
        }

        return rules;
    }

    [GeneratedRegex("^[A-Za-z0-9._:/-]{1,128}$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex AppIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_:.-]{1,64}$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex ClaimPattern();

    [GeneratedRegex("^.{1,128}$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex RuleValuePattern();
}
