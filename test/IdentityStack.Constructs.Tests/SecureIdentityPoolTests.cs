using IdentityStack.Constructs.Data;
using IdentityStack.Constructs.IdentityPools;

namespace IdentityStack.Constructs.Tests;

/// <summary>The identity pool construct on its own, as a consuming team uses it.</summary>
public sealed class SecureIdentityPoolTests
{
    private static (Stack Stack, SecureUserPool Pool, UserDataStore Data, Amazon.CDK.AWS.Cognito.IUserPoolClient Client) Parts()
    {
        var stack = new Stack(new App(), "Consumer");
        var pool = new SecureUserPool(stack, "Pool", new SecureUserPoolProps
        {
            UserPoolName = "identity",
            Groups = [new UserPoolGroupDefinition("admins", "Administrators", 0)],
        });
        var data = new UserDataStore(stack, "Data", new UserDataStoreProps());
        return (stack, pool, data, pool.UserPool.AddClient("App"));
    }

    private static SecureIdentityPoolProps Props(SecureUserPool pool, UserDataStore data, params Amazon.CDK.AWS.Cognito.IUserPoolClient[] clients) => new()
    {
        UserPool = pool,
        Data = data,
        Clients = clients,
    };

    [Fact]
    public void Defaults_are_no_guests_token_mapping_and_tenant_tags_with_tag_session_trust()
    {
        var (stack, pool, data, client) = Parts();
        var identityPool = new SecureIdentityPool(stack, "Ids", Props(pool, data, client));
        var template = Template.FromStack(stack);

        Assert.Null(identityPool.GuestRole);
        template.HasResourceProperties("AWS::Cognito::IdentityPool", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["AllowUnauthenticatedIdentities"] = false,
            ["AllowClassicFlow"] = false,
        });
        template.HasResourceProperties("AWS::Cognito::IdentityPoolRoleAttachment", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["Roles"] = Match.ObjectEquals(new Dictionary<string, object>(StringComparer.Ordinal) { ["authenticated"] = Match.AnyValue() }),
        });
        template.ResourceCountIs("AWS::Cognito::IdentityPoolPrincipalTag", 1);
        template.HasResourceProperties("AWS::IAM::Role", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["AssumeRolePolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>(StringComparer.Ordinal)
            {
                // Assuming the role, and (a statement of its own) tagging the session with the tenant key only.
                ["Statement"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>(StringComparer.Ordinal)
                    {
                        ["Action"] = "sts:AssumeRoleWithWebIdentity",
                        ["Principal"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["Federated"] = "cognito-identity.amazonaws.com" },
                    }),
                    Match.ObjectLike(new Dictionary<string, object>(StringComparer.Ordinal)
                    {
                        ["Action"] = "sts:TagSession",
                        ["Principal"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["Federated"] = "cognito-identity.amazonaws.com" },
                        ["Condition"] = Match.ObjectLike(new Dictionary<string, object>(StringComparer.Ordinal)
                        {
                            ["ForAllValues:StringEquals"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["aws:TagKeys"] = new[] { "tenant" } },
                        }),
                    }),
                },
            }),
        });
    }

    [Fact]
    public void Without_tenant_tags_there_is_no_tag_mapping_no_tag_session_and_no_tenant_prefix()
    {
        var (stack, pool, data, client) = Parts();
        _ = new SecureIdentityPool(stack, "Ids", Props(pool, data, client) with { TenantTags = false });
        var json = System.Text.Json.JsonSerializer.Serialize(Template.FromStack(stack).ToJSON());

        Assert.DoesNotContain("sts:TagSession", json, StringComparison.Ordinal);
        Assert.DoesNotContain("PrincipalTag", json, StringComparison.Ordinal);
        Assert.DoesNotContain("tenants/", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_admin_group_gets_the_admin_role_as_its_preferred_role()
    {
        var (stack, pool, data, client) = Parts();
        var identityPool = new SecureIdentityPool(stack, "Ids", Props(pool, data, client) with { AdminGroup = "admins" });

        Assert.Equal(identityPool.AdminRole.RoleArn, pool.Groups["admins"].RoleArn);
    }

    /// <summary>
    /// A role of their own for the other providers' identities. The identity pool gives identities
    /// without a role mapping its default authenticated role, and chooses a user pool user's role by
    /// rules on the ID token's claims ("Using role-based access control",
    /// https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html):
    /// so the default becomes the external role, and the pool's users are mapped by rules, the admin
    /// group's role (cognito:preferred_role) first, then every ID token (token_use "id") to the
    /// authenticated role, which now trusts only this user pool's provider.
    /// </summary>
    [Fact]
    public void With_an_own_role_for_external_identities_the_default_is_theirs_and_pool_users_are_mapped_by_rules()
    {
        var (stack, pool, data, client) = Parts();
        var identityPool = new SecureIdentityPool(stack, "Ids", Props(pool, data, client) with { AdminGroup = "admins", ExternalIdentities = ExternalIdentityRole.Own });
        var template = Template.FromStack(stack);
        var arn = (string prefix) => Match.ObjectLike(new Dictionary<string, object>(StringComparer.Ordinal) { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("^Ids" + prefix), "Arn" } });

        Assert.NotNull(identityPool.ExternalRole);
        template.HasResourceProperties("AWS::Cognito::IdentityPoolRoleAttachment", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["Roles"] = Match.ObjectEquals(new Dictionary<string, object>(StringComparer.Ordinal) { ["authenticated"] = arn("ExternalRole") }),
            ["RoleMappings"] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["UserPoolClient0"] = Match.ObjectLike(new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    ["Type"] = "Rules",
                    ["AmbiguousRoleResolution"] = "Deny",
                    ["RulesConfiguration"] = new Dictionary<string, object>(StringComparer.Ordinal)
                    {
                        ["Rules"] = new object[]
                        {
                            new Dictionary<string, object>(StringComparer.Ordinal) { ["Claim"] = "cognito:preferred_role", ["MatchType"] = "Equals", ["Value"] = arn("AdminRole"), ["RoleARN"] = arn("AdminRole") },
                            new Dictionary<string, object>(StringComparer.Ordinal) { ["Claim"] = "token_use", ["MatchType"] = "Equals", ["Value"] = "id", ["RoleARN"] = arn("AuthenticatedRole") },
                        },
                    },
                }),
            },
        });
        var roles = System.Text.Json.JsonSerializer.SerializeToElement(template.FindResources("AWS::IAM::Role"));
        var trustOf = (string prefix) => roles.EnumerateObject().Single(r => r.Name.StartsWith("Ids" + prefix, StringComparison.Ordinal)).Value.GetProperty("Properties").GetProperty("AssumeRolePolicyDocument").GetRawText();
        Assert.Contains("\"ProviderName\"", trustOf("AuthenticatedRole"), StringComparison.Ordinal);
        Assert.Contains("\"authenticated\"", trustOf("ExternalRole"), StringComparison.Ordinal);
        Assert.DoesNotContain("sts:TagSession", trustOf("ExternalRole"), StringComparison.Ordinal);
        var externalPolicy = System.Text.Json.JsonSerializer.Serialize(template.FindResources("AWS::IAM::Policy").Where(p => p.Key.StartsWith("IdsExternalRole", StringComparison.Ordinal)).ToList());
        Assert.Contains("private/", externalPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("tenants/", externalPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_keeps_token_mapping_and_the_authenticated_role_for_every_provider()
    {
        var (stack, pool, data, client) = Parts();
        var identityPool = new SecureIdentityPool(stack, "Ids", Props(pool, data, client));

        Assert.Null(identityPool.ExternalRole);
        Template.FromStack(stack).HasResourceProperties("AWS::Cognito::IdentityPoolRoleAttachment", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["RoleMappings"] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["UserPoolClient0"] = Match.ObjectEquals(new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    ["IdentityProvider"] = Match.AnyValue(),
                    ["Type"] = "Token",
                    ["AmbiguousRoleResolution"] = "AuthenticatedRole",
                }),
            },
        });
    }

    [Fact]
    public void With_an_own_external_role_at_most_23_rules_fit_beside_the_two_the_platform_adds()
    {
        var (stack, pool, data, client) = Parts();
        var rules = Enumerable.Range(0, 24).Select(i => new RoleMappingRule { Claim = "custom:tenant_id", Match = RoleMappingMatch.Equals, Value = "t" + i, Role = IdentityPoolRole.Authenticated }).ToList();

        var error = Assert.Throws<ArgumentException>(() => new SecureIdentityPool(stack, "Ids", Props(pool, data, client) with { ExternalIdentities = ExternalIdentityRole.Own, RoleMappingRules = rules }));

        Assert.Contains("at most 23", error.Message, StringComparison.Ordinal);
        _ = new SecureIdentityPool(stack, "Ids2", Props(pool, data, client) with { RoleMappingRules = rules });
    }

    [Fact]
    public void Bad_options_are_refused_with_the_field_and_the_fix()
    {
        var (stack, pool, data, client) = Parts();
        string Refusal(string id, SecureIdentityPoolProps props) => Assert.Throws<ArgumentException>(() => new SecureIdentityPool(stack, id, props)).Message;

        Assert.Contains("SecureIdentityPoolProps.Clients = none: give at least one", Refusal("A", Props(pool, data, [])), StringComparison.Ordinal);
        Assert.Contains("SecureIdentityPoolProps.AdminGroup = \"owners\": the user pool has no such group; create it or use one of: admins.", Refusal("B", Props(pool, data, client) with { AdminGroup = "owners" }), StringComparison.Ordinal);
        Assert.Contains("SecureIdentityPoolProps.DeveloperProviderName = \"login_acme\": Cognito takes", Refusal("C", Props(pool, data, client) with { DeveloperProviderName = "login_acme" }), StringComparison.Ordinal);
        var tooMany = Enumerable.Range(0, 26).Select(i => new RoleMappingRule { Claim = "custom:tenant_id", Match = RoleMappingMatch.Equals, Value = "t" + i, Role = IdentityPoolRole.Authenticated }).ToList();
        Assert.Contains("SecureIdentityPoolProps.RoleMappingRules = 26 rules", Refusal("D", Props(pool, data, client) with { RoleMappingRules = tooMany }), StringComparison.Ordinal);
        // A partial match on a group claim: "admins" would also match "tenant-admins" (a NuGet consumer gets the same refusal as cdk.json).
        var partial = new RoleMappingRule { Claim = "cognito:groups", Match = RoleMappingMatch.Contains, Value = "admins", Role = IdentityPoolRole.Admin };
        Assert.Contains("SecureIdentityPoolProps.RoleMappingRules[0].Match = \"Contains\": a Contains rule on 'cognito:groups'", Refusal("E", Props(pool, data, client) with { RoleMappingRules = [partial] }), StringComparison.Ordinal);
        Assert.Contains("SecureIdentityPoolProps.SamlProviderArns[1] = \"Acme\": use an IAM provider ARN", Refusal("F", Props(pool, data, client) with { SamlProviderArns = ["arn:aws:iam::123456789012:saml-provider/Acme", "Acme"] }), StringComparison.Ordinal);
    }

    // Point 4 of the tenant-isolation review: a production pool that takes Google or Apple tokens
    // directly gives anyone with such an account credentials that skip the user pool's allow-list,
    // MFA, suspension and threat protection; only a read-only external role may take them.
    [Fact]
    public void A_production_pool_takes_social_tokens_directly_only_with_a_read_only_external_role()
    {
        var (stack, pool, data, client) = Parts();
        var social = new PublicLoginProviders { Google = "123-abc.apps.googleusercontent.com" };
        string Refusal(string id, SecureIdentityPoolProps props) => Assert.Throws<ArgumentException>(() => new SecureIdentityPool(stack, id, props)).Message;

        Assert.Contains("SecureIdentityPoolProps.PublicProviders = accounts.google.com: a production identity pool that takes social tokens directly", Refusal("A", Props(pool, data, client) with { Production = true, PublicProviders = social }), StringComparison.Ordinal);
        Assert.Contains("SecureIdentityPoolProps.PublicProviders", Refusal("B", Props(pool, data, client) with { Production = true, PublicProviders = social, ExternalIdentities = ExternalIdentityRole.Own }), StringComparison.Ordinal);
        var readOnly = new SecureIdentityPool(stack, "C", Props(pool, data, client) with { Production = true, PublicProviders = social, ExternalIdentities = ExternalIdentityRole.ReadOnly });
        _ = new SecureIdentityPool(stack, "D", Props(pool, data, client) with { PublicProviders = social }); // not production: the team's choice

        var policy = System.Text.Json.JsonSerializer.Serialize(Template.FromStack(stack).FindResources("AWS::IAM::Policy").Where(p => p.Key.StartsWith("CExternalRole", StringComparison.Ordinal)).ToList());
        Assert.NotNull(readOnly.ExternalRole);
        Assert.Contains("s3:GetObject", policy, StringComparison.Ordinal);
        foreach (var write in new[] { "s3:PutObject", "s3:DeleteObject", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem" })
        {
            Assert.DoesNotContain(write, policy, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Oidc_and_saml_provider_arns_must_name_the_stacks_own_account()
    {
        var stack = new Stack(new App(), "Consumer", new StackProps { Env = new Amazon.CDK.Environment { Account = "111111111111", Region = "eu-west-1" } });
        var pool = new SecureUserPool(stack, "Pool", new SecureUserPoolProps { UserPoolName = "identity" });
        var data = new UserDataStore(stack, "Data", new UserDataStoreProps());
        var client = pool.UserPool.AddClient("App");
        string Refusal(string id, SecureIdentityPoolProps props) => Assert.Throws<ArgumentException>(() => new SecureIdentityPool(stack, id, props)).Message;

        Assert.Contains("SecureIdentityPoolProps.OpenIdConnectProviderArns[0] = \"arn:aws:iam::123456789012:oidc-provider/idp.example.com\": the provider is in account 123456789012, not in this stack's account 111111111111",
            Refusal("A", Props(pool, data, client) with { OpenIdConnectProviderArns = ["arn:aws:iam::123456789012:oidc-provider/idp.example.com"] }), StringComparison.Ordinal);
        Assert.Contains("SecureIdentityPoolProps.SamlProviderArns[0]", Refusal("B", Props(pool, data, client) with { SamlProviderArns = ["arn:aws:iam::123456789012:saml-provider/Acme"] }), StringComparison.Ordinal);
        _ = new SecureIdentityPool(stack, "C", Props(pool, data, client) with { SamlProviderArns = ["arn:aws:iam::111111111111:saml-provider/Acme"] });

        // An account-agnostic stack cannot be checked at synth: production then needs the account named.
        var (agnostic, agnosticPool, agnosticData, agnosticClient) = Parts();
        Assert.Contains("the stack's account is not known at synth", Assert.Throws<ArgumentException>(() => new SecureIdentityPool(agnostic, "P", Props(agnosticPool, agnosticData, agnosticClient) with { Production = true, SamlProviderArns = ["arn:aws:iam::123456789012:saml-provider/Acme"] })).Message, StringComparison.Ordinal);
    }

    // A rule on a claim a user or client can write lets users choose their own role.
    [Theory]
    [InlineData("name")]
    [InlineData("locale")]
    [InlineData("email")]
    [InlineData("custom:idp_tenant")]
    [InlineData("custom:idp_email_verified")]
    public void Role_mapping_rules_only_test_claims_no_client_can_write(string claim)
    {
        var options = new SecureIdentityPoolOptions { RoleMappingRules = [new RoleMappingRule { Claim = claim, Match = RoleMappingMatch.Equals, Value = "x", Role = IdentityPoolRole.Admin }] };

        var problem = Assert.Single(options.Problems());

        Assert.Equal("RoleMappingRules[0].Claim", problem.Property);
        Assert.Contains("would let users choose their role", problem.Fix, StringComparison.Ordinal);
        Assert.Empty(new SecureIdentityPoolOptions { RoleMappingRules = [new RoleMappingRule { Claim = "custom:tenant_id", Match = RoleMappingMatch.Equals, Value = "acme-01", Role = IdentityPoolRole.Admin }] }.Problems());
    }

    /// <summary>Every problem at once, one home for the rules: the options a cdk.json reader builds report the same problems the construct refuses.</summary>
    [Fact]
    public void Options_report_every_problem_at_once_and_the_props_built_from_them_are_refused_with_the_same()
    {
        var (stack, pool, data, client) = Parts();
        var options = new SecureIdentityPoolOptions
        {
            DeveloperProviderName = "cognito.login",
            OpenIdConnectProviderArns = ["https://idp.example.com"],
            RoleMappingRules = [new RoleMappingRule { Claim = "roles", Match = RoleMappingMatch.StartsWith, Value = "admin", Role = IdentityPoolRole.Admin }],
        };

        var problems = options.Problems();

        Assert.Equal(["DeveloperProviderName", "OpenIdConnectProviderArns[0]", "RoleMappingRules[0].Match"], problems.Select(p => p.Property));
        Assert.Equal(["developerProviderName", "openIdConnectProviderArns[0]", "roleMappingRules[0].match"], problems.Select(p => p.ConfigPath));
        var refusal = Assert.Throws<ArgumentException>(() => new SecureIdentityPool(stack, "Ids", new SecureIdentityPoolProps(options) { UserPool = pool, Clients = [client], Data = data })).Message;
        Assert.StartsWith(PropsProblem.Describe(nameof(SecureIdentityPoolProps), problems), refusal, StringComparison.Ordinal);
        Assert.Empty(new SecureIdentityPoolOptions().Problems());
    }

    [Fact]
    public void A_cors_origin_with_a_path_is_refused()
    {
        var stack = new Stack(new App(), "Consumer");

        var error = Assert.Throws<ArgumentException>(() => new UserDataStore(stack, "Data", new UserDataStoreProps { CorsOrigins = ["https://app.example.com/callback"] }));

        Assert.Contains("CorsOrigins: 'https://app.example.com/callback' is not an origin", error.Message, StringComparison.Ordinal);
    }
}
