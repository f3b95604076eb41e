using System.Text.Json;
using System.Text.RegularExpressions;
using IdentityStack.Constructs.IdentityPools;
using IdentityStack.Constructs.UserPools;

namespace IdentityStack.App.Configuration;

/// <summary>Reads <c>stages.{name}.identityPool</c>; problems name the field and the fix.</summary>
internal static partial class IdentityPoolConfigReader
{
    private const int RegexTimeoutMilliseconds = 100;
    private const string RulesField = "roleMappingRules";
    private const int MaxRulesWithOwnExternalRole = 23;

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
    };

    /// <summary>The identity pool settings, or null when the stage has none (or they are invalid).</summary>
    public static IdentityPoolConfig? Read(JsonObjectReader? reader, bool hasSignIn, IReadOnlyList<UserPoolGroupDefinition> groups)
    {
        if (reader is null)
        {
            return null;
        }

        var before = reader.ProblemCount;
        var allowGuests = reader.Bool("allowGuests", defaultValue: false);
        var providers = ReadPublicProviders(reader.Object("publicProviders"));
        var oidc = ReadArns(reader, "openIdConnectProviderArns", OidcProviderArnPattern(), "arn:aws:iam::123456789012:oidc-provider/idp.example.com");
        var saml = ReadArns(reader, "samlProviderArns", SamlProviderArnPattern(), "arn:aws:iam::123456789012:saml-provider/Acme");
        var developer = reader.OptionalString("developerProviderName", DeveloperNamePattern(), "use 1-100 characters of letters, digits, '.', '-' (no underscores, not starting with 'cognito'), e.g. \"login.example.app\".");
        var adminGroup = GroupReference.Read(reader, "adminGroup", groups);

        var rules = ReadRules(reader);
        var tenantTags = reader.Bool("tenantTags", defaultValue: true);
        var externalRole = reader.Choice("externalIdentitiesRole", ExternalIdentityRole.Authenticated, ExternalRoleChoices);
        if (externalRole == ExternalIdentityRole.Own && rules.Count > MaxRulesWithOwnExternalRole)
        {
            reader.Problem(RulesField, $"{rules.Count} rules", $"with \"externalIdentitiesRole\": \"own\" the pool's users are mapped by rules plus two of the platform's (admin group, then every user), and Cognito takes at most 25, so give at most {MaxRulesWithOwnExternalRole}.");
        }

        reader.RejectUnknownFields();
        if (!hasSignIn)
        {
            reader.ProblemAt(reader.Path, "(no signIn)", "the identity pool takes tokens of the SPA and server app clients; add \"signIn\" to the stage or remove \"identityPool\".");
        }

        return reader.ProblemCount > before
            ? null
            : new IdentityPoolConfig
            {
                AllowGuests = allowGuests,
                PublicProviders = providers,
                OpenIdConnectProviderArns = oidc,
                SamlProviderArns = saml,
                DeveloperProviderName = developer,
                AdminGroup = adminGroup,
                RoleMappingRules = rules,
                TenantTags = tenantTags,
                ExternalIdentities = externalRole,
            };
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

    private static List<string> ReadArns(JsonObjectReader reader, string field, Regex pattern, string example) =>
        reader.StringArray(field, pattern, $"use an IAM provider ARN, e.g. \"{example}\".");

    private static List<RoleMappingRule> ReadRules(JsonObjectReader reader)
    {
        var rules = new List<RoleMappingRule>();
        var items = reader.Array(RulesField);
        if (items.Count > 25)
        {
            reader.Problem(RulesField, $"{items.Count} rules", "Cognito takes at most 25 rules; combine some.");
        }

        foreach (var (item, path) in items)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                reader.ProblemAt(path, item.GetRawText(), "use { \"claim\": \"cognito:groups\", \"match\": \"Contains\", \"value\": \"admins\", \"role\": \"admin\" }.");
                continue;
            }

            var rule = reader.Nested(item, path);
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
                var mapped = new RoleMappingRule { Claim = claim, Match = m, Value = value, Role = r };
                if (mapped.Problem() is { } problem)
                {
                    rule.Problem("match", "\"" + m + "\"", problem);
                    continue;
                }

                rules.Add(mapped);
            }
        }

        return rules;
    }

    [GeneratedRegex("^arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/[A-Za-z0-9.:/_-]+$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex OidcProviderArnPattern();

    [GeneratedRegex("^arn:aws[a-z-]*:iam::[0-9]{12}:saml-provider/[A-Za-z0-9._-]+$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex SamlProviderArnPattern();

    [GeneratedRegex("^(?![Cc][Oo][Gg][Nn][Ii][Tt][Oo])[A-Za-z0-9.-]{1,100}$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex DeveloperNamePattern();

    [GeneratedRegex("^[A-Za-z0-9._:/-]{1,128}$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex AppIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_:.-]{1,64}$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex ClaimPattern();

    [GeneratedRegex("^.{1,128}$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex RuleValuePattern();
}
