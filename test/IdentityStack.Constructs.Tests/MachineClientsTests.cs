using Amazon.CDK.AWS.DynamoDB;
using IdentityStack.Constructs.Triggers;

namespace IdentityStack.Constructs.Tests;

/// <summary>
/// Machine clients with their tenants and scopes, as a NuGet consumer configures them: the clients,
/// their registration for the token trigger, and each refusal naming the property.
/// </summary>
public sealed class MachineClientsTests
{
    private static NativeAotBinary Binary(Stack stack, string id = "Artifacts") =>
        new(Code.FromBucket(Amazon.CDK.AWS.S3.Bucket.FromBucketName(stack, id, "artifacts"), "bootstrap.zip"), Architecture.ARM_64);

    private static HostedSignInProps Props(SecureUserPool pool, params MachineClientDefinition[] clients) => new()
    {
        UserPool = pool.UserPool,
        DomainPrefix = "consumer-users",
        CallbackUrls = ["https://app.example.com/callback"],
        LogoutUrls = ["https://app.example.com/"],
        MachineClients = clients,
    };

    private static (Stack Stack, SecureUserPool Pool, CognitoTriggers Triggers) Platform()
    {
        var stack = new Stack(new App(), "Consumer");
        var pool = new SecureUserPool(stack, "Users", new SecureUserPoolProps { UserPoolName = "users" });
        var triggers = new CognitoTriggers(stack, "Triggers", new CognitoTriggersProps { UserPool = pool, Binary = Binary(stack) });
        return (stack, pool, triggers);
    }

    [Fact]
    public void Each_configured_machine_client_gets_client_credentials_a_secret_and_exactly_its_scopes()
    {
        var (stack, pool, _) = Platform();

        var signIn = new HostedSignIn(stack, "SignIn", Props(pool,
            new MachineClientDefinition("billing-export") { TenantId = "acme-01", Scopes = ["read"] },
            new MachineClientDefinition("ingest") { TenantId = "globex", Scopes = ["read", "write"] }));

        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::Cognito::UserPoolClient", 5);
        template.HasResourceProperties("AWS::Cognito::UserPoolClient", new Dictionary<string, object>
        {
            ["ClientName"] = Match.StringLikeRegexp("MachineClient-billing-export$"),
            ["GenerateSecret"] = true,
            ["AllowedOAuthFlows"] = new[] { "client_credentials" },
            ["AllowedOAuthScopes"] = Match.AnyValue(),
            ["ExplicitAuthFlows"] = new[] { "ALLOW_REFRESH_TOKEN_AUTH" },
            ["SupportedIdentityProviders"] = new[] { "COGNITO" },
        });
        // Scopes are "{resource server}/{name}" joins: the billing export client has read, and only read.
        var billing = ScopesOf(template, stack, signIn.MachineClients["billing-export"]);
        Assert.Equal(["/read"], billing);
        Assert.Equal(["/read", "/write"], ScopesOf(template, stack, signIn.MachineClients["ingest"]));
        Assert.Equal(["billing-export", "ingest"], signIn.MachineClients.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(5, signIn.Clients.Count);
        Assert.Equal(
            [(null, "identitystack/read identitystack/write"), ("acme-01", "identitystack/read"), ("globex", "identitystack/read identitystack/write")],
            signIn.MachineClientRegistrations.Select(r => (r.TenantId, string.Join(' ', r.Scopes))));
    }

    [Fact]
    public void The_registry_writes_one_item_per_client_and_may_touch_only_machine_client_items()
    {
        var (stack, pool, triggers) = Platform();
        var signIn = new HostedSignIn(stack, "SignIn", Props(pool, new MachineClientDefinition("billing-export") { TenantId = "acme-01", Scopes = ["read"] }));

        _ = new MachineClientRegistry(stack, "MachineClients", new MachineClientRegistryProps
        {
            DirectoryTable = triggers.DirectoryTable,
            Binary = Binary(stack, "Registry"),
            Clients = signIn.MachineClientRegistrations,
        });

        var template = Template.FromStack(stack);
        template.ResourceCountIs("Custom::MachineClientRegistration", 2);
        template.HasResourceProperties("Custom::MachineClientRegistration", new Dictionary<string, object>
        {
            ["ClientId"] = new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^SignInMachineClientbillingexport") },
            ["TenantId"] = "acme-01",
            ["Scopes"] = new[] { "identitystack/read" },
        });
        template.HasResourceProperties("Custom::MachineClientRegistration", new Dictionary<string, object>
        {
            ["ClientId"] = new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^SignInMachineClient[0-9A-F]{8}$") },
            ["TenantId"] = Match.Absent(),
            ["Scopes"] = new[] { "identitystack/read", "identitystack/write" },
        });
        template.HasResourceProperties("AWS::IAM::Policy", new Dictionary<string, object>
        {
            ["PolicyDocument"] = new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith(new[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Action"] = new[] { "dynamodb:PutItem", "dynamodb:DeleteItem" },
                        ["Condition"] = new Dictionary<string, object>
                        {
                            ["ForAllValues:StringLike"] = new Dictionary<string, object> { ["dynamodb:LeadingKeys"] = new[] { "CLIENT#*" } },
                        },
                    }),
                }),
            },
        });
    }

    /// <summary>
    /// V3_0 is what sends client-credentials tokens through the trigger (developer guide, "Pre token
    /// generation Lambda trigger": version three event responses apply to access tokens from machine
    /// authentication). The trigger learns the clients from the table, never from references: the
    /// pool references the trigger, so a trigger that referenced a client would make a cycle.
    /// </summary>
    [Fact]
    public void The_token_trigger_runs_as_version_3_and_references_no_client()
    {
        var (stack, pool, triggers) = Platform();
        _ = new HostedSignIn(stack, "SignIn", Props(pool, new MachineClientDefinition("billing-export") { TenantId = "acme-01" }));

        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::Cognito::UserPool", new Dictionary<string, object>
        {
            ["LambdaConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["PreTokenGenerationConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["LambdaVersion"] = "V3_0" }),
            }),
        });
        var cfnFunction = (Amazon.CDK.AWS.Lambda.CfnFunction)triggers.Functions[CognitoTrigger.PreTokenGeneration].Function.Node.DefaultChild!;
        var resources = (IDictionary<string, object>)template.ToJSON()["Resources"];
        var function = System.Text.Json.JsonSerializer.Serialize(resources[stack.GetLogicalId(cfnFunction)]);
        Assert.DoesNotContain("UserPoolClient", function, StringComparison.Ordinal);
        Assert.DoesNotContain("SignInMachineClient", function, StringComparison.Ordinal);
    }

    /// <summary>The scope names (after the resource server identifier) a client's AllowedOAuthScopes joins.</summary>
    private static List<string> ScopesOf(Template template, Stack stack, Amazon.CDK.AWS.Cognito.UserPoolClient client)
    {
        var resources = (IDictionary<string, object>)template.ToJSON()["Resources"];
        var json = System.Text.Json.JsonSerializer.Serialize(resources[stack.GetLogicalId((CfnElement)client.Node.DefaultChild!)]);
        var scopes = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("Properties").GetProperty("AllowedOAuthScopes");
        return [.. scopes.EnumerateArray().Select(s => s.GetProperty("Fn::Join")[1][1].GetString()!)];
    }

    public static TheoryData<MachineClientDefinition?[], string> Refused => new()
    {
        { [new MachineClientDefinition("robot") { Scopes = ["admin"] }], "HostedSignInProps.MachineClients[0].Scopes[0] = \"admin\": the admin scope comes only from membership of the admin group" },
        { [new MachineClientDefinition("robot") { Scopes = ["identitystack/read"] }], "HostedSignInProps.MachineClients[0].Scopes[0] = \"identitystack/read\": use \"read\" or \"write\"" },
        { [new MachineClientDefinition("robot") { Scopes = [] }], "HostedSignInProps.MachineClients[0].Scopes = none: list the scopes" },
        { [new MachineClientDefinition("robot") { Scopes = ["read", "read"] }], "HostedSignInProps.MachineClients[0].Scopes[1] = \"read\": listed twice" },
        { [new MachineClientDefinition("Billing_Export")], "HostedSignInProps.MachineClients[0].Name = \"Billing_Export\": use 1-32 lower-case letters and digits" },
        { [new MachineClientDefinition("a--b")], "HostedSignInProps.MachineClients[0].Name = \"a--b\"" },
        { [new MachineClientDefinition(new string('a', 33))], "HostedSignInProps.MachineClients[0].Name = \"" + new string('a', 33) + "\"" },
        { [new MachineClientDefinition("robot") { TenantId = "{{resolve:ssm:/tenant}}" }], "HostedSignInProps.MachineClients[0].TenantId = \"{{resolve:ssm:/tenant}}\": use a letter or digit" },
        { [new MachineClientDefinition("robot") { TenantId = new string('t', 65) }], "HostedSignInProps.MachineClients[0].TenantId" },
        { [new MachineClientDefinition("robot"), new MachineClientDefinition("robot")], "HostedSignInProps.MachineClients[1].Name = \"robot\": another machine client has this name" },
        { [null], "HostedSignInProps.MachineClients[0] = null: give each machine client a name and scopes" },
        { [.. Enumerable.Range(0, 11).Select(i => new MachineClientDefinition("robot" + i))], "HostedSignInProps.MachineClients = 11 clients: define at most 10" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Machine_clients_Cognito_or_the_platform_would_not_take_are_refused_naming_the_property(MachineClientDefinition?[] clients, string message)
    {
        var (stack, pool, _) = Platform();

        var error = Assert.Throws<ArgumentException>(() => new HostedSignIn(stack, "SignIn", Props(pool, clients!)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registry_without_clients_or_with_a_bad_tenant_is_refused()
    {
        var (stack, pool, triggers) = Platform();
        var signIn = new HostedSignIn(stack, "SignIn", Props(pool));

        var empty = Assert.Throws<ArgumentException>(() => new MachineClientRegistry(stack, "Empty", new MachineClientRegistryProps { DirectoryTable = triggers.DirectoryTable, Binary = Binary(stack, "Registry"), Clients = [] }));
        var tenant = Assert.Throws<ArgumentException>(() => new MachineClientRegistry(stack, "Tenant", new MachineClientRegistryProps
        {
            DirectoryTable = triggers.DirectoryTable,
            Binary = Binary(stack, "Registry2"),
            Clients = [new MachineClientRegistration(signIn.MachineClient, "no spaces allowed", ["identitystack/read"])],
        }));

        Assert.StartsWith("MachineClientRegistryProps.Clients = none", empty.Message, StringComparison.Ordinal);
        Assert.StartsWith("MachineClientRegistryProps.Clients[0].TenantId = \"no spaces allowed\"", tenant.Message, StringComparison.Ordinal);
    }
}
