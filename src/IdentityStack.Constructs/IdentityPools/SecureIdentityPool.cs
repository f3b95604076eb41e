using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.IAM;
using IdentityStack.Constructs.UserPools;
using Constructs;

namespace IdentityStack.Constructs.IdentityPools;

/// <summary>
/// An identity pool that turns sign-ins into temporary AWS credentials scoped to the caller's own
/// data: the user pool (server-side token check) and optional social, OIDC, SAML and developer
/// providers; classic flow off; an authenticated, an admin and (optionally) a guest role whose trust
/// is limited to this pool and the right <c>amr</c>; role mapping by token (groups) or by rules,
/// ambiguous matches falling back to the authenticated role; the tenant as a session tag.
/// </summary>
public sealed class SecureIdentityPool : Construct
{
    /// <summary>The identity pool.</summary>
    public CfnIdentityPool IdentityPool { get; }

    /// <summary>Role of signed-in identities.</summary>
    public Role AuthenticatedRole { get; }

    /// <summary>Role of the admin group (or of the rules that name it).</summary>
    public Role AdminRole { get; }

    /// <summary>Role of guests; null when guests are off.</summary>
    public Role? GuestRole { get; }

    /// <summary>Role of identities from providers other than this user pool; null unless <see cref="ExternalIdentityRole.Own"/> or <see cref="ExternalIdentityRole.ReadOnly"/>.</summary>
    public Role? ExternalRole { get; }

    /// <summary>Creates the pool, roles, role attachment and principal tags.</summary>
    public SecureIdentityPool(Construct scope, string id, SecureIdentityPoolProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        props = WithStackAccount(props);
        Validate(props);
        var userPool = props.UserPool.UserPool;
        var supported = props.PublicProviders.ToSupportedLoginProviders();
        IdentityPool = new CfnIdentityPool(this, "Pool", new CfnIdentityPoolProps
        {
            AllowUnauthenticatedIdentities = props.AllowGuests,
            AllowClassicFlow = false,
            CognitoIdentityProviders = props.Clients.Select(c => (object)new CfnIdentityPool.CognitoIdentityProviderProperty
            {
                ProviderName = userPool.UserPoolProviderName,
                ClientId = c.UserPoolClientId,
                ServerSideTokenCheck = true,
            }).ToArray(),
            SupportedLoginProviders = supported.Count == 0 ? null : supported,
            OpenIdConnectProviderArns = props.OpenIdConnectProviderArns.Count == 0 ? null : [.. props.OpenIdConnectProviderArns],
            SamlProviderArns = props.SamlProviderArns.Count == 0 ? null : [.. props.SamlProviderArns],
            DeveloperProviderName = props.DeveloperProviderName,
        });

        var ownExternalRole = props.ExternalIdentities != ExternalIdentityRole.Authenticated;
        AuthenticatedRole = CreateRole("AuthenticatedRole", CognitoIdentityKeys.Authenticated, props.TenantTags, IdentityPoolRolePolicies.Authenticated(props.Data, props.TenantTags), "Identity pool: signed-in users, own data only", requiredProvider: ownExternalRole ? userPool.UserPoolProviderName : null);
        if (ownExternalRole)
        {
            // Social, OIDC, SAML and developer identities: own data, never a tenant prefix (tenants come from the user pool's claim).
            ExternalRole = props.ExternalIdentities == ExternalIdentityRole.ReadOnly
                ? CreateRole("ExternalRole", CognitoIdentityKeys.Authenticated, sessionTags: false, IdentityPoolRolePolicies.ExternalReadOnly(props.Data), "Identity pool: identities from other providers, read only")
                : CreateRole("ExternalRole", CognitoIdentityKeys.Authenticated, sessionTags: false, IdentityPoolRolePolicies.Authenticated(props.Data, tenantPrefix: false), "Identity pool: identities from other providers, own data only");
        }

        // The admin role only through this user pool: an identity from a social, OIDC, SAML or
        // developer provider skips the pool's allow-list, MFA, threat protection and suspension, so
        // its amr must name the pool's provider (cognito-idp.<region>.amazonaws.com/<pool id>).
        AdminRole = CreateRole("AdminRole", CognitoIdentityKeys.Authenticated, props.TenantTags, IdentityPoolRolePolicies.Admin(props.Data, props.TenantTags), "Identity pool: admins, own data plus publishing under public/", requiredProvider: userPool.UserPoolProviderName);
        if (props.AllowGuests)
        {
            GuestRole = CreateRole("GuestRole", CognitoIdentityKeys.Unauthenticated, sessionTags: false, IdentityPoolRolePolicies.Guest(props.Data), "Identity pool: guests, public data read-only");
        }

        if (props.AdminGroup is { } adminGroup)
        {
            props.UserPool.Groups[adminGroup].RoleArn = AdminRole.RoleArn;
        }

        AttachRoles(props);
        if (props.TenantTags)
        {
            _ = new CfnIdentityPoolPrincipalTag(this, "TenantTag", new CfnIdentityPoolPrincipalTagProps
            {
                IdentityPoolId = IdentityPool.Ref,
                IdentityProviderName = userPool.UserPoolProviderName,
                // From the tenant_id claim the pre token generation trigger writes, which follows the
                // one tenant rule (federated users: their provider's; others: the administrator's),
                // not from an attribute a user could have written.
                PrincipalTags = new Dictionary<string, string>(StringComparer.Ordinal) { [CognitoIdentityKeys.TenantTag] = CognitoIdentityKeys.TenantClaim },
                UseDefaults = false,
            });
        }
    }

    /// <summary>The props with the stack's account when they do not say one and the stack knows it: the provider ARNs are checked against it.</summary>
    private SecureIdentityPoolProps WithStackAccount(SecureIdentityPoolProps props)
    {
        var stackAccount = Stack.Of(this).Account;
        return props.Account is null && !Token.IsUnresolved(stackAccount) ? props with { Account = stackAccount } : props;
    }

    private static void Validate(SecureIdentityPoolProps props)
    {
        PropsProblem.ThrowIfAny(nameof(SecureIdentityPoolProps), props.Problems(), nameof(props));
    }

    /// <summary>
    /// A role only this identity pool can hand out, only to identities with the given amr (and, when
    /// <paramref name="requiredProvider"/> is set, only to identities that signed in through it). With
    /// session tags, a second trust statement allows sts:TagSession under the same conditions and for
    /// the tenant tag key only, so no other principal tag can ride along into the session.
    /// </summary>
    private Role CreateRole(string id, string amr, bool sessionTags, IReadOnlyList<PolicyStatement> statements, string description, string? requiredProvider = null)
    {
        // amr lists "authenticated" and the provider the identity signed in with; a user pool's
        // provider name is there only for identities authenticated through that pool, so requiring
        // it (no wildcards: an exact match) also requires "authenticated".
        var conditions = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["StringEquals"] = new Dictionary<string, object>(StringComparer.Ordinal) { [CognitoIdentityKeys.Audience] = IdentityPool.Ref },
            ["ForAnyValue:StringLike"] = new Dictionary<string, object>(StringComparer.Ordinal) { [CognitoIdentityKeys.AuthenticationMethods] = requiredProvider ?? amr },
        };

        var role = new Role(this, id, new RoleProps
        {
            AssumedBy = new WebIdentityPrincipal(CognitoIdentityKeys.Principal, conditions),
            Description = description,
            MaxSessionDuration = Duration.Hours(1),
        });
        if (sessionTags)
        {
            var tagging = new Dictionary<string, object>(conditions, StringComparer.Ordinal)
            {
                ["ForAllValues:StringEquals"] = new Dictionary<string, object>(StringComparer.Ordinal) { [CognitoIdentityKeys.TagKeys] = new[] { CognitoIdentityKeys.TenantTag } },
            };
            role.AssumeRolePolicy!.AddStatements(new PolicyStatement(new PolicyStatementProps
            {
                Effect = Effect.ALLOW,
                Actions = ["sts:TagSession"],
                Principals = [new FederatedPrincipal(CognitoIdentityKeys.Principal)],
                Conditions = tagging,
            }));
        }

        foreach (var statement in statements)
        {
            role.AddToPolicy(statement);
        }

        return role;
    }

    private void AttachRoles(SecureIdentityPoolProps props)
    {
        // The default authenticated role is what identities without a role mapping get: with
        // ExternalIdentities Own, those are exactly the other providers' identities.
        var roles = new Dictionary<string, string>(StringComparer.Ordinal) { ["authenticated"] = (ExternalRole ?? AuthenticatedRole).RoleArn };
        if (GuestRole is not null)
        {
            roles["unauthenticated"] = GuestRole.RoleArn;
        }

        var rules = UserPoolRules(props);
        var mappings = props.Clients.Select((client, index) => (Key: "UserPoolClient" + index, Mapping: (object)new CfnIdentityPoolRoleAttachment.RoleMappingProperty
        {
            IdentityProvider = Fn.Join(":", [props.UserPool.UserPool.UserPoolProviderName, client.UserPoolClientId]),
            Type = rules is null ? "Token" : "Rules",
            AmbiguousRoleResolution = ExternalRole is null ? "AuthenticatedRole" : "Deny",
            RulesConfiguration = rules is null ? null : new CfnIdentityPoolRoleAttachment.RulesConfigurationTypeProperty { Rules = rules },
        })).ToDictionary(m => m.Key, m => m.Mapping, StringComparer.Ordinal);

        _ = new CfnIdentityPoolRoleAttachment(this, "Roles", new CfnIdentityPoolRoleAttachmentProps
        {
            IdentityPoolId = IdentityPool.Ref,
            Roles = roles,
            RoleMappings = mappings,
        });
    }

    /// <summary>
    /// The same mapping for every client: the configured rules, or none (token-based: the groups'
    /// roles). With a role of their own for other providers, the default role is theirs, so the
    /// user pool's users are always mapped by rules: the configured ones, or the token-based
    /// mapping written as a rule (the admin group's role as cognito:preferred_role), then every
    /// ID token of the pool (token_use "id") to the authenticated role.
    /// </summary>
    private object[]? UserPoolRules(SecureIdentityPoolProps props)
    {
        var rules = props.RoleMappingRules.Select(r => (object)Rule(r.Claim, r.Match.ToString(), r.Value, r.Role == IdentityPoolRole.Admin ? AdminRole : AuthenticatedRole)).ToList();
        if (ExternalRole is null)
        {
            return rules.Count == 0 ? null : [.. rules];
        }

        if (rules.Count == 0 && props.AdminGroup is not null)
        {
            rules.Add((object)Rule(CognitoIdentityKeys.PreferredRoleClaim, nameof(RoleMappingMatch.Equals), AdminRole.RoleArn, AdminRole));
        }

        rules.Add((object)Rule(CognitoIdentityKeys.TokenUseClaim, nameof(RoleMappingMatch.Equals), "id", AuthenticatedRole));
        return [.. rules];
    }

    private static CfnIdentityPoolRoleAttachment.MappingRuleProperty Rule(string claim, string match, string value, Role role) => new()
    {
        Claim = claim,
        MatchType = match,
        Value = value,
        RoleArn = role.RoleArn,
    };
}
