namespace IdentityStack.Triggers.Tests;

public sealed class PostAuthenticationTriggerTests
{
    private static async Task<JsonElement> AuditLine(Action<IdentityStack.Lambda.CognitoEvents.PostAuthenticationEvent>? change = null, TriggerSettings? settings = null)
    {
        var e = Fixtures.Load("post-authentication.json", Fixtures.Json.PostAuthenticationEvent);
        change?.Invoke(e);
        using var output = new StringWriter();
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeMilliseconds(1_795_000_000_000));

        var result = await new PostAuthenticationTrigger(settings ?? Fixtures.Settings(), output, clock).HandleAsync(e, new TestContext(), CancellationToken.None);

        Assert.Same(e, result);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return JsonDocument.Parse(Assert.Single(lines)).RootElement;
    }

    [Fact]
    public async Task One_line_is_both_the_audit_record_and_an_emf_metric_document()
    {
        var line = await AuditLine();

        Assert.Equal("sign_in", line.GetProperty("event").GetString());
        Assert.Equal("maria", line.GetProperty("userName").GetString());
        Assert.Equal("acme-01", line.GetProperty("tenantId").GetString());
        Assert.Equal("11111111-2222-3333-4444-555555555555", line.GetProperty("requestId").GetString());
        Assert.Equal("4m2n9q1example7clientid0000", line.GetProperty("ClientId").GetString());
        Assert.Equal("Cognito", line.GetProperty("Provider").GetString());
        Assert.Equal(1, line.GetProperty("SignIn").GetInt32());
        Assert.Equal(1, line.GetProperty("NewDeviceSignIn").GetInt32());

        var aws = line.GetProperty("_aws");
        Assert.Equal(1_795_000_000_000, aws.GetProperty("Timestamp").GetInt64());
        var directive = Assert.Single(aws.GetProperty("CloudWatchMetrics").EnumerateArray());
        Assert.Equal("IdentityStack", directive.GetProperty("Namespace").GetString());
        Assert.Equal(["ClientId", "Provider"], directive.GetProperty("Dimensions")[0].EnumerateArray().Select(d => d.GetString()), StringComparer.Ordinal);
        Assert.Equal(["SignIn", "NewDeviceSignIn"], directive.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()), StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_known_device_counts_zero_new_device_sign_ins()
    {
        var line = await AuditLine(e => e.Request.NewDeviceUsed = false);

        Assert.Equal(0, line.GetProperty("NewDeviceSignIn").GetInt32());
        Assert.False(line.GetProperty("newDeviceUsed").GetBoolean());
    }

    [Fact]
    public async Task A_federated_sign_in_is_counted_under_its_provider()
    {
        var line = await AuditLine(e => e.Request.UserAttributes["identities"] =
            """[{"userId":"1048","providerName":"Google","providerType":"Google","issuer":null,"primary":true,"dateCreated":1700000000000}]""");

        Assert.Equal("Google", line.GetProperty("Provider").GetString());
    }

    [Fact]
    public async Task The_audit_line_names_the_pool_and_the_user_and_an_unknown_client()
    {
        var line = await AuditLine(e => e.CallerContext.ClientId = null);

        Assert.Equal("eu-west-1_AbCdEf123", line.GetProperty("userPoolId").GetString());
        Assert.Equal("8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", line.GetProperty("sub").GetString());
        Assert.Equal("unknown", line.GetProperty("ClientId").GetString());
        Assert.Equal(["SignIn", "NewDeviceSignIn"], line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()));
        Assert.All(line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics").EnumerateArray(), m => Assert.Equal("Count", m.GetProperty("Unit").GetString()));
    }

    [Theory]
    [InlineData("""[{"providerName":7},{"providerName":"AcmeOidc"}]""", "AcmeOidc")]
    [InlineData("""[{"userId":"1"},{"providerName":"Google"}]""", "Google")]
    public void The_first_string_provider_name_counts(string identities, string provider) =>
        Assert.Equal(provider, PostAuthenticationTrigger.ProviderOf(identities));

    [Theory]
    [InlineData(null)]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("[{\"userId\":\"1\"}]")]
    public void An_absent_or_odd_identities_attribute_means_cognito(string? identities) =>
        Assert.Equal("Cognito", PostAuthenticationTrigger.ProviderOf(identities));

    // The audit line records the tenant the user's tokens carry (UserTenant's rule), not a raw attribute:
    // a federated user's fixed tenant, a foreign assertion as none, a pool user's administrator-set tenant.
    [Theory]
    [InlineData("AcmeSaml=acme-01", null, "acme-01")]
    [InlineData(null, "globex", null)]
    public async Task The_audit_line_records_the_tenant_by_the_one_rule(string? fixedTenants, string? asserted, string? expected)
    {
        var settings = Fixtures.Settings(
            (TriggerEnvironment.ProviderFixedTenants, fixedTenants ?? string.Empty),
            (TriggerEnvironment.ProviderTenants, fixedTenants is null ? "AcmeSaml=acme-01" : string.Empty));

        var line = await AuditLine(e =>
        {
            e.UserName = "acmesaml_jane";
            e.Request.UserAttributes["cognito:user_status"] = "EXTERNAL_PROVIDER";
            e.Request.UserAttributes["custom:tenant_id"] = "forged";
            if (asserted is not null)
            {
                e.Request.UserAttributes["custom:idp_tenant"] = asserted;
            }
        }, settings);

        Assert.Equal(expected, line.GetProperty("tenantId").ValueKind == JsonValueKind.Null ? null : line.GetProperty("tenantId").GetString());
    }
}
