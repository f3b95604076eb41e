namespace IdentityStack.App.Tests;

/// <summary>Identity pool, its roles and the data they reach, per stage (access itself: tools/access-matrix).</summary>
[Collection(SynthesizedStagesDefinition.Name)]
public sealed class IdentityPoolTests(SynthesizedStages stages)
{
    public static TheoryData<string> AllStages => ["dev", "staging", "prod"];

    private JsonElement Pool(string stage) => TemplateJson.Single(stages[stage], "AWS::Cognito::IdentityPool").GetProperty("Properties");

    private JsonElement Attachment(string stage) => TemplateJson.Single(stages[stage], "AWS::Cognito::IdentityPoolRoleAttachment").GetProperty("Properties");

    private string LogicalId(string stage, string type, string idPrefix) =>
        TemplateJson.OfType(stages[stage], type).Keys.Single(k => k.StartsWith(idPrefix, StringComparison.Ordinal));

    private static string GetAttArn(JsonElement element) => element.GetProperty("Fn::GetAtt")[0].GetString()!;

    [Theory]
    [MemberData(nameof(AllStages))]
    public void The_pool_takes_the_user_facing_clients_with_a_server_side_token_check_and_no_classic_flow(string stage)
    {
        var pool = Pool(stage);

        Assert.False(pool.GetProperty("AllowClassicFlow").GetBoolean());
        var providers = pool.GetProperty("CognitoIdentityProviders").EnumerateArray().ToList();
        Assert.Equal(
            [LogicalId(stage, "AWS::Cognito::UserPoolClient", "SignInServerClient"), LogicalId(stage, "AWS::Cognito::UserPoolClient", "SignInSpaClient")],
            providers.Select(p => p.GetProperty("ClientId").GetProperty("Ref").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(providers, p => Assert.True(p.GetProperty("ServerSideTokenCheck").GetBoolean()));
        Assert.All(providers, p => Assert.Equal(LogicalId(stage, "AWS::Cognito::UserPool", "IdentityUserPool"), GetAttArn(p.GetProperty("ProviderName"))));
    }

    [Theory]
    [InlineData("dev", true)]
    [InlineData("staging", true)]
    [InlineData("prod", false)]
    public void Guests_and_their_role_exist_only_where_configured(string stage, bool guests)
    {
        Assert.Equal(guests, Pool(stage).GetProperty("AllowUnauthenticatedIdentities").GetBoolean());
        Assert.Equal(guests, Attachment(stage).GetProperty("Roles").TryGetProperty("unauthenticated", out _));
        Assert.Equal(guests, TemplateJson.OfType(stages[stage], "AWS::IAM::Role").Keys.Any(k => k.StartsWith("IdentityPoolGuestRole", StringComparison.Ordinal)));
    }

    [Fact]
    public void Prod_takes_public_oidc_and_saml_providers_and_dev_a_developer_provider()
    {
        var prod = Pool("prod");
        Assert.Equal("123456789012-abcdefghijklmnop.apps.googleusercontent.com", prod.GetProperty("SupportedLoginProviders").GetProperty("accounts.google.com").GetString());
        Assert.Equal("com.example.identitystack", prod.GetProperty("SupportedLoginProviders").GetProperty("appleid.apple.com").GetString());
        // The IAM providers are prod's own account's (111111111111): a pool that trusted another
        // account's provider would hand out prod credentials on that account's word.
        Assert.Equal("arn:aws:iam::111111111111:oidc-provider/login.acme.example.com", prod.GetProperty("OpenIdConnectProviderARNs")[0].GetString());
        Assert.Equal("arn:aws:iam::111111111111:saml-provider/AcmeSaml", prod.GetProperty("SamlProviderARNs")[0].GetString());
        Assert.Equal("login.identitystack.dev", Pool("dev").GetProperty("DeveloperProviderName").GetString());
    }

    [Theory]
    [InlineData("dev")]
    public void Token_mapping_gives_the_admin_group_the_admin_role_and_falls_back_to_authenticated(string stage)
    {
        var mappings = Attachment(stage).GetProperty("RoleMappings").EnumerateObject().Select(m => m.Value).ToList();

        Assert.Equal(2, mappings.Count);
        Assert.All(mappings, m =>
        {
            Assert.Equal("Token", m.GetProperty("Type").GetString());
            Assert.Equal("AuthenticatedRole", m.GetProperty("AmbiguousRoleResolution").GetString());
        });
        var admins = TemplateJson.OfType(stages[stage], "AWS::Cognito::UserPoolGroup").Values.Select(g => g.GetProperty("Properties"))
            .Single(g => string.Equals(g.GetProperty("GroupName").GetString(), "admins", StringComparison.Ordinal));
        Assert.Equal(LogicalId(stage, "AWS::IAM::Role", "IdentityPoolAdminRole"), GetAttArn(admins.GetProperty("RoleArn")));
    }

    [Fact]
    public void Staging_maps_the_admin_role_by_the_exact_admin_group()
    {
        var mapping = Attachment("staging").GetProperty("RoleMappings").EnumerateObject().First().Value;

        Assert.Equal("Token", mapping.GetProperty("Type").GetString());
        Assert.Equal("AuthenticatedRole", mapping.GetProperty("AmbiguousRoleResolution").GetString());
        var admins = TemplateJson.OfType(stages["staging"], "AWS::Cognito::UserPoolGroup").Values.Select(g => g.GetProperty("Properties"))
            .Single(g => string.Equals(g.GetProperty("GroupName").GetString(), "admins", StringComparison.Ordinal));
        Assert.Equal(LogicalId("staging", "AWS::IAM::Role", "IdentityPoolAdminRole"), GetAttArn(admins.GetProperty("RoleArn")));
    }

    /// <summary>
    /// prod says "externalIdentities": "own": its SAML, OIDC and social identities get a role of
    /// their own (the identity pool's default authenticated role, which identities without a role
    /// mapping get: "Using role-based access control" in the Cognito developer guide), and the user
    /// pool's users are mapped by rules to the admin or the authenticated role.
    /// </summary>
    [Fact]
    public void Prod_gives_external_identities_a_role_of_their_own_and_maps_pool_users_by_rules()
    {
        var attachment = Attachment("prod");
        var external = LogicalId("prod", "AWS::IAM::Role", "IdentityPoolExternalRole");

        Assert.Equal(external, GetAttArn(attachment.GetProperty("Roles").GetProperty("authenticated")));
        Assert.All(attachment.GetProperty("RoleMappings").EnumerateObject().Select(m => m.Value), m =>
        {
            Assert.Equal("Rules", m.GetProperty("Type").GetString());
            var rules = m.GetProperty("RulesConfiguration").GetProperty("Rules").EnumerateArray().ToList();
            Assert.Equal(["cognito:preferred_role", "token_use"], rules.Select(r => r.GetProperty("Claim").GetString()));
            Assert.Equal(LogicalId("prod", "AWS::IAM::Role", "IdentityPoolAdminRole"), GetAttArn(rules[0].GetProperty("RoleARN")));
            Assert.Equal(LogicalId("prod", "AWS::IAM::Role", "IdentityPoolAuthenticatedRole"), GetAttArn(rules[1].GetProperty("RoleARN")));
        });
    }

    [Theory]
    [InlineData("\"OWN\"", "one of")]
    [InlineData("true", "")]
    public void A_bad_external_identities_role_is_refused_with_its_path(string value, string fixMentions)
    {
        var problem = StageConfigProblems.Only($$"""
            { "qa": { "region": "eu-west-1",
                      "signIn": { "domainPrefix": "qa-users", "callbackUrls": ["https://app.example.com/cb"], "logoutUrls": ["https://app.example.com/"] },
                      "identityPool": { "externalIdentities": {{value}} } } }
            """);

        Assert.Equal("stages.qa.identityPool.externalIdentities", problem.Path);
        Assert.Contains(fixMentions, problem.Fix, StringComparison.Ordinal);
    }

    // Rules compare the claim as text: Contains "admins" also matches a group "tenant-admins", which
    // would hand the admin role to another tenant's admins. Only whole-value rules on group claims.
    [Theory]
    [InlineData("cognito:groups", "Contains")]
    [InlineData("cognito:groups", "StartsWith")]
    [InlineData("roles", "NotEqual")]
    public void A_partial_rule_on_a_group_claim_is_refused_with_its_path(string claim, string match)
    {
        using var document = System.Text.Json.JsonDocument.Parse($$"""
            { "qa": { "region": "eu-west-1", "groups": [ { "name": "admins", "precedence": 0 } ],
                      "signIn": { "domainPrefix": "qa-users", "callbackUrls": ["https://app.example.com/cb"], "logoutUrls": ["https://app.example.com/"] },
                      "identityPool": { "roleMappingRules": [ { "claim": "{{claim}}", "match": "{{match}}", "value": "admins", "role": "admin" } ] } } }
            """);

        var error = Assert.Throws<StageConfigException>(() => StageConfigReader.Read(document.RootElement.Clone()));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("stages.qa.identityPool.roleMappingRules[0].match", problem.Path);
        Assert.Contains("would also match a group such as 'tenant-admins'", problem.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void The_tenant_claim_becomes_the_tenant_session_tag(string stage)
    {
        var tag = TemplateJson.Single(stages[stage], "AWS::Cognito::IdentityPoolPrincipalTag").GetProperty("Properties");

        // From the trigger's tenant_id claim, which follows the one tenant rule, not from an attribute.
        Assert.Equal("tenant_id", tag.GetProperty("PrincipalTags").GetProperty("tenant").GetString());
        Assert.False(tag.GetProperty("UseDefaults").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void The_bucket_is_encrypted_private_tls_only_versioned_logged_and_open_to_the_app_origins_only(string stage)
    {
        var filesId = LogicalId(stage, "AWS::S3::Bucket", "UserDataFiles");
        var files = TemplateJson.OfType(stages[stage], "AWS::S3::Bucket")[filesId].GetProperty("Properties");

        Assert.Equal("AES256", files.GetProperty("BucketEncryption").GetProperty("ServerSideEncryptionConfiguration")[0].GetProperty("ServerSideEncryptionByDefault").GetProperty("SSEAlgorithm").GetString());
        Assert.All(files.GetProperty("PublicAccessBlockConfiguration").EnumerateObject(), p => Assert.True(p.Value.GetBoolean()));
        Assert.Equal("Enabled", files.GetProperty("VersioningConfiguration").GetProperty("Status").GetString());
        Assert.Equal(LogicalId(stage, "AWS::S3::Bucket", "UserDataAccessLogs"), files.GetProperty("LoggingConfiguration").GetProperty("DestinationBucketName").GetProperty("Ref").GetString());
        using var cdkJson = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("cdk.json")));
        var callbackOrigins = cdkJson.RootElement.GetProperty("context").GetProperty("stages").GetProperty(stage).GetProperty("signIn").GetProperty("callbackUrls")
            .EnumerateArray().Select(u => new Uri(u.GetString()!).GetLeftPart(UriPartial.Authority)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(callbackOrigins, files.GetProperty("CorsConfiguration").GetProperty("CorsRules")[0].GetProperty("AllowedOrigins").EnumerateArray().Select(o => o.GetString()!).Order(StringComparer.Ordinal));

        var policy = TemplateJson.OfType(stages[stage], "AWS::S3::BucketPolicy").Values.Single(p => string.Equals(p.GetProperty("Properties").GetProperty("Bucket").GetProperty("Ref").GetString(), filesId, StringComparison.Ordinal));
        var tlsOnly = policy.GetProperty("Properties").GetProperty("PolicyDocument").GetProperty("Statement")[0];
        Assert.Equal("Deny", tlsOnly.GetProperty("Effect").GetString());
        Assert.Equal("false", tlsOnly.GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString());
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Access_logs_arrive_through_a_bucket_policy_not_an_acl(string stage)
    {
        var logs = TemplateJson.OfType(stages[stage], "AWS::S3::Bucket")[LogicalId(stage, "AWS::S3::Bucket", "UserDataAccessLogs")].GetProperty("Properties");

        Assert.False(logs.TryGetProperty("AccessControl", out _));
        Assert.Equal("BucketOwnerEnforced", logs.GetProperty("OwnershipControls").GetProperty("Rules")[0].GetProperty("ObjectOwnership").GetString());
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void User_data_tables_are_keyed_by_identity_encrypted_and_recoverable(string stage)
    {
        foreach (var prefix in new[] { "UserDataItems", "UserDataLeaderboard" })
        {
            var table = TemplateJson.OfType(stages[stage], "AWS::DynamoDB::Table")[LogicalId(stage, "AWS::DynamoDB::Table", prefix)].GetProperty("Properties");
            Assert.Equal("identityId", table.GetProperty("KeySchema")[0].GetProperty("AttributeName").GetString());
            Assert.True(table.GetProperty("SSESpecification").GetProperty("SSEEnabled").GetBoolean());
            Assert.True(table.GetProperty("PointInTimeRecoverySpecification").GetProperty("PointInTimeRecoveryEnabled").GetBoolean());
        }
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Ids_role_arns_bucket_and_tables_are_published(string stage)
    {
        var outputs = TemplateJson.Whole(stages[stage]).GetProperty("Outputs").EnumerateObject().Select(o => o.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(["IdentityPoolId", "AuthenticatedRoleArn", "AdminRoleArn", "UserDataBucketName", "UserDataTableName", "LeaderboardTableName"], StringComparer.Ordinal), outputs);
        Assert.Equal(!string.Equals(stage, "prod", StringComparison.Ordinal), outputs.Contains("GuestRoleArn"));
        var parameters = TemplateJson.OfType(stages[stage], "AWS::SSM::Parameter").Values.Select(p => p.GetProperty("Properties").GetProperty("Name").GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(
            new HashSet<string>(new[] { "identity-pool/id", "identity-pool/authenticated-role-arn", "identity-pool/admin-role-arn", "data/bucket-name", "data/user-data-table-name", "data/leaderboard-table-name" }.Select(n => $"/identity/{stage}/{n}"), StringComparer.Ordinal),
            parameters);
    }
}
