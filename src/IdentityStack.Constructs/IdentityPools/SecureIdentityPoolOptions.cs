using System.Globalization;
using System.Text.RegularExpressions;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Constructs.IdentityPools;

/// <summary>
/// The identity pool's settings, apart from the resources it is wired to (see
/// <see cref="SecureIdentityPoolProps"/>): what a configuration file can say. Defaults: no guests,
/// token-based role mapping, tenant tags on, other providers' identities get the authenticated role.
/// <see cref="Problems"/> is the one home of the rules; <see cref="SecureIdentityPool"/> refuses
/// settings with problems, and the app reports them at their cdk.json paths.
/// </summary>
public partial record SecureIdentityPoolOptions
{
    /// <summary>Cognito's limit of rules per provider in rules-based role mapping.</summary>
    public const int MaxRoleMappingRules = 25;

    /// <summary>Give guests (no sign-in) credentials for public data. Default false.</summary>
    public bool AllowGuests { get; init; }

    /// <summary>Social providers whose tokens are taken directly; default none.</summary>
    public PublicLoginProviders PublicProviders { get; init; } = new();

    /// <summary>ARNs of IAM OIDC providers whose tokens are taken; default none.</summary>
    public IReadOnlyList<string> OpenIdConnectProviderArns { get; init; } = [];

    /// <summary>ARNs of IAM SAML providers whose assertions are taken; default none.</summary>
    public IReadOnlyList<string> SamlProviderArns { get; init; } = [];

    /// <summary>Developer provider name for developer-authenticated identities (your backend vouches for the user); default none.</summary>
    public string? DeveloperProviderName { get; init; }

    /// <summary>
    /// The user pool group whose members get the admin role through token-based mapping
    /// (the group's role becomes <c>cognito:preferred_role</c>). Default none.
    /// </summary>
    public string? AdminGroup { get; init; }

    /// <summary>Rules-based role mapping (first match wins); empty means token-based mapping from groups.</summary>
    public IReadOnlyList<RoleMappingRule> RoleMappingRules { get; init; } = [];

    /// <summary>Map the user's custom:tenant_id to the session tag "tenant" (ABAC) and grant tenants/{tenant}/. Default true.</summary>
    public bool TenantTags { get; init; } = true;

    /// <summary>
    /// The role of identities from the identity pool's other providers (social, OIDC, SAML, developer).
    /// Default <see cref="ExternalIdentityRole.Authenticated"/>; <see cref="ExternalIdentityRole.Own"/>
    /// gives them a role of their own and limits the authenticated role to this user pool.
    /// </summary>
    public ExternalIdentityRole ExternalIdentities { get; init; } = ExternalIdentityRole.Authenticated;

    /// <summary>The most rules that fit: with <see cref="ExternalIdentityRole.Own"/> the platform adds two of its own.</summary>
    public int RoleMappingRuleLimit => ExternalIdentities == ExternalIdentityRole.Own ? MaxRoleMappingRules - 2 : MaxRoleMappingRules;

    /// <summary>Every problem of these settings at once (empty when there are none).</summary>
    public virtual IReadOnlyList<PropsProblem> Problems()
    {
        var problems = new List<PropsProblem>();
        if (DeveloperProviderName is { } developer && !DeveloperName().IsMatch(developer))
        {
            problems.Add(new(nameof(DeveloperProviderName), PropsProblem.Quoted(developer), "Cognito takes 1-100 letters, digits, '.' and '-' (no underscores), not starting with 'cognito', e.g. \"login.example.app\"."));
        }

        ArnProblems(problems, nameof(OpenIdConnectProviderArns), OpenIdConnectProviderArns, OidcProviderArn(), "arn:aws:iam::123456789012:oidc-provider/idp.example.com");
        ArnProblems(problems, nameof(SamlProviderArns), SamlProviderArns, SamlProviderArn(), "arn:aws:iam::123456789012:saml-provider/Acme");
        if (RoleMappingRules.Count > RoleMappingRuleLimit)
        {
            var own = ExternalIdentities == ExternalIdentityRole.Own ? ", and ExternalIdentities Own maps the pool's users by two rules of the platform's (admin group, then every user)" : string.Empty;
            problems.Add(new(nameof(RoleMappingRules), RoleMappingRules.Count.ToString(CultureInfo.InvariantCulture) + " rules", $"Cognito takes at most {MaxRoleMappingRules} rules per provider{own}, so give at most {RoleMappingRuleLimit}; combine some."));
        }

        for (var i = 0; i < RoleMappingRules.Count; i++)
        {
            if (RoleMappingRules[i]?.Problem() is { } unsafeRule)
            {
                problems.Add(new(string.Create(CultureInfo.InvariantCulture, $"{nameof(RoleMappingRules)}[{i}].{nameof(RoleMappingRule.Match)}"), PropsProblem.Quoted(RoleMappingRules[i].Match.ToString()), unsafeRule));
            }
        }

        return problems;
    }

    private static void ArnProblems(List<PropsProblem> problems, string property, IReadOnlyList<string> arns, Regex pattern, string example)
    {
        for (var i = 0; i < arns.Count; i++)
        {
            if (string.IsNullOrEmpty(arns[i]) || !pattern.IsMatch(arns[i]))
            {
                problems.Add(new(string.Create(CultureInfo.InvariantCulture, $"{property}[{i}]"), PropsProblem.Quoted(arns[i]), $"use an IAM provider ARN, e.g. \"{example}\"."));
            }
        }
    }

    [GeneratedRegex("^(?![Cc][Oo][Gg][Nn][Ii][Tt][Oo])[A-Za-z0-9.-]{1,100}$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex DeveloperName();

    [GeneratedRegex("^arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/[A-Za-z0-9.:/_-]+$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex OidcProviderArn();

    [GeneratedRegex("^arn:aws[a-z-]*:iam::[0-9]{12}:saml-provider/[A-Za-z0-9._-]+$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex SamlProviderArn();
}
