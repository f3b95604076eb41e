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
    public int RoleMappingRuleLimit => ExternalIdentities != ExternalIdentityRole.Authenticated ? MaxRoleMappingRules - 2 : MaxRoleMappingRules;

    /// <summary>
    /// Whether this is a production identity pool (<see cref="ProductionPolicy"/>): social tokens are
    /// then taken directly only with a read-only external role. Default false.
    /// </summary>
    public bool Production { get; init; }

    /// <summary>
    /// The AWS account of the stack, when known: every OIDC and SAML provider ARN must name it (an
    /// identity pool trusting another account's IAM provider hands out this account's credentials on
    /// that account's word). A production pool with provider ARNs needs it. Default null (unknown).
    /// </summary>
    public string? Account { get; init; }

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
            var own = ExternalIdentities != ExternalIdentityRole.Authenticated ? $", and ExternalIdentities {ExternalIdentities} maps the pool's users by two rules of the platform's (admin group, then every user)" : string.Empty;
            problems.Add(new(nameof(RoleMappingRules), RoleMappingRules.Count.ToString(CultureInfo.InvariantCulture) + " rules", $"Cognito takes at most {MaxRoleMappingRules} rules per provider{own}, so give at most {RoleMappingRuleLimit}; combine some."));
        }

        for (var i = 0; i < RoleMappingRules.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{nameof(RoleMappingRules)}[{i}]");
            if (RoleMappingRules[i] is not { } rule)
            {
                problems.Add(new(at, "null", "remove the null rule."));
                continue;
            }

            if (rule.ClaimProblem() is { } writableClaim)
            {
                problems.Add(new(at + "." + nameof(RoleMappingRule.Claim), PropsProblem.Quoted(rule.Claim), writableClaim));
            }
            else if (rule.Problem() is { } unsafeRule)
            {
                problems.Add(new(at + "." + nameof(RoleMappingRule.Match), PropsProblem.Quoted(rule.Match.ToString()), unsafeRule));
            }
        }

        problems.AddRange(ProviderAccountProblems(nameof(OpenIdConnectProviderArns), OpenIdConnectProviderArns));
        problems.AddRange(ProviderAccountProblems(nameof(SamlProviderArns), SamlProviderArns));
        if (Production && (PublicProviders?.ToSupportedLoginProviders().Count ?? 0) > 0 && ExternalIdentities != ExternalIdentityRole.ReadOnly)
        {
            problems.Add(new(nameof(PublicProviders), string.Join(", ", PublicProviders!.ToSupportedLoginProviders().Keys),
                "a production identity pool that takes social tokens directly gives anyone with such an account credentials that skip the user pool's allow-list, MFA, suspension and threat protection: remove publicProviders (the user pool federates Google, Apple and the others already), or set externalIdentities to readOnly so those identities may only read."));
        }

        return problems;
    }

    /// <summary>The provider ARNs that name another account than <see cref="Account"/>, or, in production without a known account, every ARN.</summary>
    private IEnumerable<PropsProblem> ProviderAccountProblems(string property, IReadOnlyList<string>? arns)
    {
        for (var i = 0; i < (arns?.Count ?? 0); i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{property}[{i}]");
            var parts = arns![i]?.Split(':');
            if (parts is not { Length: >= 6 })
            {
                continue; // malformed: ArnProblems says so
            }

            if (Account is null && Production)
            {
                yield return new(at, PropsProblem.Quoted(arns[i]), $"a production identity pool trusts IAM providers of its own account only, and the stack's account is not known at synth: set the stage's account (the ARN names {parts[4]}).");
            }
            else if (Account is not null && !string.Equals(parts[4], Account, StringComparison.Ordinal))
            {
                yield return new(at, PropsProblem.Quoted(arns[i]), $"the provider is in account {parts[4]}, not in this stack's account {Account}: create the IAM provider in {Account} and use its ARN (an identity pool must not hand out this account's credentials on another account's word).");
            }
        }
    }

    private static void ArnProblems(List<PropsProblem> problems, string property, IReadOnlyList<string>? arns, Regex pattern, string example)
    {
        for (var i = 0; i < (arns?.Count ?? 0); i++)
        {
            if (string.IsNullOrEmpty(arns![i]) || !pattern.IsMatch(arns[i]))
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
