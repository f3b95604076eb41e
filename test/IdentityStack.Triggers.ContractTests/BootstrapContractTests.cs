using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityStack.Testing;

namespace IdentityStack.Triggers.ContractTests;

/// <summary>
/// The real Native AOT <c>bootstrap</c>, started as Lambda starts it (AWS_LAMBDA_RUNTIME_API, _HANDLER),
/// handles one event of every trigger from a loopback Runtime API and returns the whole event.
/// DynamoDB calls go to a recording loopback endpoint (AWS_ENDPOINT_URL_DYNAMODB).
/// </summary>
public sealed class BootstrapContractTests
{
    /// <summary>The one extra (loopback) origin the binary answers custom resources on: the tests' fake CloudFormation.</summary>
    private const string CloudFormationResponseOrigin = IdentityStack.Triggers.Contract.TriggerEnvironment.TestCloudFormationResponseOrigin;

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", name));

    private static Task<(PostedResult Result, string Stdout, int ExitCode)> InvokeAsync(
        string handler, string fixture, Dictionary<string, string>? environment = null) =>
        InvokeEventAsync(handler, Fixture(fixture), environment);

    private static async Task<(PostedResult Result, string Stdout, int ExitCode)> InvokeEventAsync(
        string handler, string eventJson, Dictionary<string, string>? environment = null, DateTimeOffset? deadline = null)
    {
        var binary = PublishedBootstrap.ForHandler(handler);
        await using var api = new FakeRuntimeApi();
        api.Enqueue("contract-1", eventJson, traceId: "Root=1-67890abc-def012345678901234567890;Sampled=1", deadlineMs: deadline?.ToUnixTimeMilliseconds());

        var run = await api.RunAsync(LambdaProcessStart.For(binary, api.HostAndPort, handler, environment), onPosted: null, TimeSpan.FromSeconds(30));

        var posted = api.Posted.ToArray();
        Assert.True(posted.Length == 1, $"expected one result, got {posted.Length}; stderr: {run.Stderr}");
        return (posted[0], run.Stdout, run.ExitCode);
    }

    private static JsonNode Response(PostedResult result)
    {
        Assert.True(result.Kind == ResultKind.Response, $"expected a response, got {result.Kind}: {result.Body}");
        Assert.Equal("contract-1", result.RequestId);
        return JsonNode.Parse(result.Body)!;
    }

    [Fact]
    public async Task Pre_sign_up_refuses_a_domain_outside_the_allow_list_with_the_users_message()
    {
        var (result, _, exitCode) = await InvokeAsync("PreSignUp", "pre-signup-sign-up.json", new() { ["ALLOWED_EMAIL_DOMAINS"] = "example.org" });

        Assert.Equal(ResultKind.InvocationError, result.Kind);
        Assert.Equal("TriggerRejectedException", result.ErrorTypeHeader);
        Assert.Equal("Sign-up with this email domain is not allowed. Use your organisation's email address.", JsonNode.Parse(result.Body)!["errorMessage"]!.GetValue<string>());
        Assert.Equal(2, exitCode); // the fake API answers the next "next" with 500: the process exits
    }

    [Fact]
    public async Task Pre_sign_up_returns_the_whole_event_including_unknown_fields()
    {
        var (result, _, _) = await InvokeAsync("PreSignUp", "pre-signup-sign-up.json", new() { ["ALLOWED_EMAIL_DOMAINS"] = "example.com" });

        var e = Response(result);
        Assert.Equal("a later Cognito release", e["futureField"]!["addedBy"]!.GetValue<string>());
        Assert.False(e["response"]!["autoConfirmUser"]!.GetValue<bool>());
        Assert.Equal("maria@example.com", e["request"]!["userAttributes"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_confirmation_puts_the_profile_conditionally()
    {
        await using var dynamo = new RecordingDynamoDb();

        var (result, _, _) = await InvokeAsync("PostConfirmation", "post-confirmation.json", new()
        {
            ["DIRECTORY_TABLE"] = "identity-dev-directory",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Url,
        });

        Response(result);
        var (operation, body, _) = Assert.Single(dynamo.Requests);
        Assert.Equal("PutItem", operation);
        Assert.Equal("attribute_not_exists(#pk)", body.GetProperty("ConditionExpression").GetString());
        Assert.Equal("USER#8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", body.GetProperty("Item").GetProperty("pk").GetProperty("S").GetString());
    }

    [Fact]
    public async Task Pre_authentication_refuses_a_suspended_tenant()
    {
        await using var dynamo = new RecordingDynamoDb
        {
            Answer = (_, body) => body.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString()!.StartsWith("TENANT#", StringComparison.Ordinal)
                ? (HttpStatusCode.OK, """{"Item":{"pk":{"S":"TENANT#acme-01"},"status":{"S":"SUSPENDED"}}}""")
                : (HttpStatusCode.OK, "{}"),
        };

        var (result, _, _) = await InvokeAsync("PreAuthentication", "pre-authentication.json", new()
        {
            ["DIRECTORY_TABLE"] = "identity-dev-directory",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Url,
        });

        Assert.Equal(ResultKind.InvocationError, result.Kind);
        Assert.Contains("access is suspended", result.Body, StringComparison.Ordinal);
        Assert.Equal(2, dynamo.Requests.Count);
    }

    [Fact]
    public async Task A_DynamoDB_error_reaches_Cognito_as_the_generic_sentence_while_the_log_keeps_it()
    {
        await using var dynamo = new RecordingDynamoDb
        {
            Answer = (_, _) => (HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found: Table: identity-dev-directory not found"}"""),
        };

        var (result, stdout, _) = await InvokeAsync("PreAuthentication", "pre-authentication.json", new()
        {
            ["DIRECTORY_TABLE"] = "identity-dev-directory",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Url,
        });

        Assert.Equal(ResultKind.InvocationError, result.Kind);
        Assert.Equal("TriggerFailedException", result.ErrorTypeHeader);
        Assert.Equal("Something went wrong on our side. Please try again in a moment. Reference: contract-1", JsonNode.Parse(result.Body)!["errorMessage"]!.GetValue<string>());
        var logged = JsonNode.Parse(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => l.Contains("\"level\":\"ERROR\"", StringComparison.Ordinal)))!;
        Assert.Equal("contract-1", logged["requestId"]!.GetValue<string>());
        Assert.Contains("identity-dev-directory not found", logged["errorMessage"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A V2 event of a user Cognito created at a sign-in through AcmeOidc, whose provider asserts
    /// <paramref name="tenant"/>, at the given trigger source.
    /// </summary>
    private static string FederatedTokenEvent(string tenant, string source)
    {
        var e = JsonNode.Parse(Fixture("pre-token-generation-v2.json"))!;
        e["userName"] = "acmeoidc_1048";
        e["triggerSource"] = source;
        var attributes = e["request"]!["userAttributes"]!.AsObject();
        attributes["cognito:user_status"] = "EXTERNAL_PROVIDER";
        attributes["custom:idp_tenant"] = tenant;
        attributes["custom:idp_email_verified"] = "true";
        attributes.Remove("custom:tenant_id");
        return e.ToJsonString();
    }

    private static Dictionary<string, string> FederatedTenantSettings(RecordingDynamoDb dynamo) => new()
    {
        ["DIRECTORY_TABLE"] = "identity-dev-directory",
        ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Url,
        ["ALLOWED_EMAIL_DOMAINS"] = "example.com",
        ["PROVIDER_TENANTS"] = "AcmeOidc=acme-01,acme-02",
    };

    // Tenant isolation, point 1: the real binary refuses a tenant the provider may not assert, a
    // malformed one included, and counts the refusal in the metric the alarm watches.
    [Theory]
    [InlineData("globex", "TokenGeneration_HostedAuth")]
    [InlineData("ACME 01", "TokenGeneration_HostedAuth")]
    [InlineData("globex", "TokenGeneration_RefreshTokens")]
    public async Task Pre_token_generation_refuses_a_tenant_outside_the_providers_list(string tenant, string source)
    {
        await using var dynamo = new RecordingDynamoDb();

        var (result, stdout, _) = await InvokeEventAsync("PreTokenGeneration", FederatedTokenEvent(tenant, source), FederatedTenantSettings(dynamo));

        Assert.Equal(ResultKind.InvocationError, result.Kind);
        Assert.Equal("TriggerRejectedException", result.ErrorTypeHeader);
        Assert.Equal("Your organisation cannot sign in through this identity provider. Contact your administrator.", JsonNode.Parse(result.Body)!["errorMessage"]!.GetValue<string>());
        Assert.Empty(dynamo.Requests); // refused before any directory call
        var warning = JsonNode.Parse(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => l.Contains("\"level\":\"WARN\"", StringComparison.Ordinal)))!;
        Assert.Equal(1, warning["ForeignProviderTenant"]!.GetValue<int>());
    }

    // A provider that moved its user to another listed tenant: the refresh's tokens carry the new
    // tenant, and the profile is listed under it (so the old tenant's admins no longer see the user).
    [Fact]
    public async Task A_refresh_after_the_provider_moved_the_user_issues_the_new_tenant_and_moves_the_profile()
    {
        await using var dynamo = new RecordingDynamoDb
        {
            Answer = (operation, body) => string.Equals(operation, "GetItem", StringComparison.Ordinal)
                && body.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString()!.StartsWith("USER#", StringComparison.Ordinal)
                    ? (HttpStatusCode.OK, """{"Item":{"pk":{"S":"USER#8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"},"tenantId":{"S":"acme-01"}}}""")
                    : (HttpStatusCode.OK, "{}"),
        };

        var (result, _, _) = await InvokeEventAsync("PreTokenGeneration", FederatedTokenEvent("acme-02", "TokenGeneration_RefreshTokens"), FederatedTenantSettings(dynamo));

        var e = Response(result);
        Assert.Equal("acme-02", e["response"]!["claimsAndScopeOverrideDetails"]!["accessTokenGeneration"]!["claimsToAddOrOverride"]!["tenant_id"]!.GetValue<string>());
        var (_, update, _) = Assert.Single(dynamo.Requests, r => string.Equals(r.Operation, "UpdateItem", StringComparison.Ordinal));
        Assert.Equal("SET #t = :t", update.GetProperty("UpdateExpression").GetString());
        Assert.Equal("acme-02", update.GetProperty("ExpressionAttributeValues").GetProperty(":t").GetProperty("S").GetString());
    }

    // Tenant isolation, point 5: a client-credentials token of an app client nobody registered is refused.
    [Fact]
    public async Task An_unregistered_machine_client_gets_no_token_from_the_real_binary()
    {
        await using var dynamo = new RecordingDynamoDb();

        var (result, stdout, _) = await InvokeAsync("PreTokenGeneration", "pre-token-generation-v3-client-credentials.json", new()
        {
            ["DIRECTORY_TABLE"] = "identity-dev-directory",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Url,
        });

        Assert.Equal(ResultKind.InvocationError, result.Kind);
        Assert.Equal("TriggerRejectedException", result.ErrorTypeHeader);
        Assert.Contains("\"UnregisteredMachineClientToken\":1", stdout, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, bool> DependencyDown => new()
    {
        // Fail closed: no answer from the directory means no sign-in and no tokens.
        { "PreAuthentication", "pre-authentication.json", true },
        { "PreTokenGeneration", "pre-token-generation-v2.json", true },
        // Fail open: the user is confirmed anyway; the profile is written at the first token issue.
        { "PostConfirmation", "post-confirmation.json", false },
    };

    [Theory]
    [MemberData(nameof(DependencyDown))]
    public async Task A_hanging_directory_is_cut_off_within_the_invocations_budget(string handler, string fixture, bool failsClosed) =>
        await AssertAnswersInTimeAsync(UnresponsiveEndpoint.Hanging(), handler, fixture, failsClosed);

    [Theory]
    [MemberData(nameof(DependencyDown))]
    public async Task A_refused_connection_to_the_directory_is_answered_at_once(string handler, string fixture, bool failsClosed) =>
        await AssertAnswersInTimeAsync(UnresponsiveEndpoint.Refusing(), handler, fixture, failsClosed);

    /// <summary>
    /// The trigger answers before the invocation's deadline (Cognito's 5 seconds; 3 here to keep the
    /// run short): refusing with the generic sentence when it fails closed, the whole event when open.
    /// </summary>
    private static async Task AssertAnswersInTimeAsync(UnresponsiveEndpoint dynamo, string handler, string fixture, bool failsClosed)
    {
        await using var _ = dynamo;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(3);

        var (result, stdout, _) = await InvokeEventAsync(handler, Fixture(fixture), new()
        {
            ["DIRECTORY_TABLE"] = "identity-dev-directory",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Url,
            ["AWS_ACCESS_KEY_ID"] = "AKIDCONTRACTTEST",
            ["AWS_SECRET_ACCESS_KEY"] = "contract-test",
        }, deadline);

        Assert.True(result.PostedAt < deadline, $"{handler} answered {(result.PostedAt - deadline).TotalMilliseconds:F0} ms after the deadline");
        if (failsClosed)
        {
            Assert.Equal(ResultKind.InvocationError, result.Kind);
            Assert.Equal("Something went wrong on our side. Please try again in a moment. Reference: contract-1", JsonNode.Parse(result.Body)!["errorMessage"]!.GetValue<string>());
        }
        else
        {
            Response(result);
            Assert.Contains("\"level\":\"WARN\"", stdout, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Cognito retries a trigger that failed or timed out with the same event. Replayed through the
    /// real binary: the first conditional write creates the profile, the retry's write is refused by
    /// DynamoDB (the profile exists), and both invocations answer success.
    /// </summary>
    [Fact]
    public async Task Post_confirmation_retried_by_Cognito_answers_success_twice_and_writes_once()
    {
        var binary = PublishedBootstrap.ForHandler("PostConfirmation");
        var puts = 0;
        await using var dynamo = new RecordingDynamoDb
        {
            Answer = (operation, _) => string.Equals(operation, "PutItem", StringComparison.Ordinal) && Interlocked.Increment(ref puts) > 1
                ? RecordingDynamoDb.ConditionalCheckFailed()
                : (HttpStatusCode.OK, "{}"),
        };
        await using var api = new FakeRuntimeApi();
        api.Enqueue("attempt-1", Fixture("post-confirmation.json"));
        api.Enqueue("attempt-2", Fixture("post-confirmation.json"));

        var start = LambdaProcessStart.For(binary, api.HostAndPort, "PostConfirmation", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DIRECTORY_TABLE"] = "identity-dev-directory",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Url,
        });
        var run = await api.RunAsync(start, onPosted: null, TimeSpan.FromSeconds(30));

        var results = api.Posted.ToArray();
        Assert.Equal(["attempt-1", "attempt-2"], results.Select(r => r.RequestId));
        Assert.All(results, r => Assert.Equal(ResultKind.Response, r.Kind));
        var writes = dynamo.Requests.Where(r => string.Equals(r.Operation, "PutItem", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, writes.Count);
        Assert.All(writes, w => Assert.Equal("attribute_not_exists(#pk)", w.Body.GetProperty("ConditionExpression").GetString()));
        Assert.DoesNotContain("\"level\":\"WARN\"", run.Stdout, StringComparison.Ordinal); // an existing profile is success, not a failure
    }

    [Fact]
    public async Task Post_authentication_logs_one_emf_line()
    {
        var (result, stdout, _) = await InvokeAsync("PostAuthentication", "post-authentication.json");

        Response(result);
        var line = JsonNode.Parse(Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)))!;
        Assert.Equal("IdentityStack", line["_aws"]!["CloudWatchMetrics"]![0]!["Namespace"]!.GetValue<string>());
        Assert.Equal(1, line["NewDeviceSignIn"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("pre-token-generation-v2.json")]
    [InlineData("pre-token-generation-v1.json")]
    public async Task Pre_token_generation_adds_the_tenant_claim_in_either_version_after_checking_the_directory(string fixture)
    {
        await using var dynamo = new RecordingDynamoDb();

        var (result, _, _) = await InvokeAsync("PreTokenGeneration", fixture, new()
        {
            ["GROUP_SCOPES"] = "admins=identitystack/admin",
            ["DIRECTORY_TABLE"] = "identity-dev-directory",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Url,
        });

        var response = Response(result)["response"]!;
        var claims = response["claimsAndScopeOverrideDetails"]?["accessTokenGeneration"]?["claimsToAddOrOverride"]
            ?? response["claimsOverrideDetails"]!["claimsToAddOrOverride"]!;
        Assert.Equal("acme-01", claims["tenant_id"]!.GetValue<string>());
        Assert.Equal(
            ["TENANT#acme-01", "USER#8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"],
            dynamo.Requests.Where(r => string.Equals(r.Operation, "GetItem", StringComparison.Ordinal)).Select(r => r.Body.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString()).Order(StringComparer.Ordinal));
        Assert.All(dynamo.Requests, r => Assert.Equal("identity-dev-directory", r.Body.GetProperty("TableName").GetString()));
        // The directory answered "no profile": the user's profile is written, once, conditionally.
        var put = Assert.Single(dynamo.Requests, r => string.Equals(r.Operation, "PutItem", StringComparison.Ordinal)).Body;
        Assert.Equal("USER#8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", put.GetProperty("Item").GetProperty("pk").GetProperty("S").GetString());
        Assert.Equal("acme-01", put.GetProperty("Item").GetProperty("tenantId").GetProperty("S").GetString());
        Assert.Equal("attribute_not_exists(#pk)", put.GetProperty("ConditionExpression").GetString());
    }

    [Fact]
    public async Task Pre_token_generation_gives_a_members_only_user_no_admin_scope()
    {
        await using var dynamo = new RecordingDynamoDb();
        var e = JsonNode.Parse(Fixture("pre-token-generation-v2.json"))!;
        e["request"]!["groupConfiguration"]!["groupsToOverride"] = new JsonArray("members");

        var (result, _, _) = await InvokeEventAsync("PreTokenGeneration", e.ToJsonString(), new()
        {
            ["GROUP_SCOPES"] = "admins=identitystack/admin,identitystack/write;members=identitystack/read",
            ["DIRECTORY_TABLE"] = "identity-dev-directory",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Url,
        });

        var access = Response(result)["response"]!["claimsAndScopeOverrideDetails"]!["accessTokenGeneration"]!;
        Assert.Equal(["members"], access["claimsToAddOrOverride"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Null(access["scopesToAdd"]);
    }

    [Fact]
    public async Task Custom_message_answers_in_the_users_language_with_the_code()
    {
        var (result, _, _) = await InvokeAsync("CustomMessage", "custom-message-sign-up.json");

        var response = Response(result)["response"]!;
        Assert.Equal("Bestätigen Sie Ihre E-Mail-Adresse", response["emailSubject"]!.GetValue<string>());
        Assert.Contains("{####}", response["emailMessage"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_migration_imports_a_legacy_user_whose_pbkdf2_password_matches()
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes("Legacy-Passw0rd!"), salt, 20_000, HashAlgorithmName.SHA256, 32);
        var stored = $"pbkdf2-sha256$20000${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
        await using var dynamo = new RecordingDynamoDb
        {
            Answer = (_, _) => (HttpStatusCode.OK, JsonSerializer.Serialize(new JsonObject
            {
                ["Item"] = new JsonObject
                {
                    ["username"] = new JsonObject { ["S"] = "old.user@example.com" },
                    ["email"] = new JsonObject { ["S"] = "old.user@example.com" },
                    ["email_verified"] = new JsonObject { ["BOOL"] = true },
                    ["password_hash"] = new JsonObject { ["S"] = stored },
                },
            })),
        };

        var (result, _, _) = await InvokeAsync("UserMigration", "user-migration-authentication.json", new()
        {
            ["LEGACY_USERS_TABLE"] = "legacy-users",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Url,
        });

        var response = Response(result)["response"]!;
        Assert.Equal("CONFIRMED", response["finalUserStatus"]!.GetValue<string>());
        Assert.Equal("SUPPRESS", response["messageAction"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_trigger_missing_its_table_setting_fails_init_naming_the_variable()
    {
        var (result, _, exitCode) = await InvokeAsync("PostConfirmation", "post-confirmation.json");

        Assert.Equal(ResultKind.InitError, result.Kind);
        Assert.Contains("DIRECTORY_TABLE is not set", result.Body, StringComparison.Ordinal);
        Assert.Equal(1, exitCode);
    }

    [Fact]
    public async Task The_classic_ui_custom_resource_sets_css_and_logo_and_answers_cloudformation()
    {
        await using var aws = new RecordingCognitoEndpoint();
        var request = $$"""
            { "RequestType": "Create", "ResponseURL": "{{aws.Url}}/cfn-response", "StackId": "arn:aws:cloudformation:eu-west-1:111122223333:stack/IdentityStack-dev/1",
              "RequestId": "r-1", "ResourceType": "Custom::ClassicUiCustomization", "LogicalResourceId": "SignInClassicUi",
              "ResourceProperties": { "ServiceToken": "arn:aws:lambda:eu-west-1:111122223333:function:f", "UserPoolId": "eu-west-1_Abc123", "ClientId": "ALL", "Css": ".banner-customizable { color: red; }", "ImageFile": "iVBORw0KGgo=" } }
            """;

        var (result, stdout, _) = await InvokeEventAsync("ClassicUiCustomization", request, new() { ["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] = aws.Url, [CloudFormationResponseOrigin] = aws.Url });

        Response(result);
        var requests = aws.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal(("POST", "AWSCognitoIdentityProviderService.SetUICustomization"), (requests[0].Method, requests[0].Header("x-amz-target")));
        // Signed by AWSSDK.Core's SigV4 signer inside the Native AOT binary, with the function's credentials and region.
        Assert.Matches("^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/[0-9]{8}/eu-west-1/cognito-idp/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$", requests[0].Header("authorization"));
        Assert.Equal(".banner-customizable { color: red; }", JsonNode.Parse(requests[0].Body)!["CSS"]!.GetValue<string>());
        Assert.Equal("PUT", requests[1].Method);
        Assert.Equal("SUCCESS", JsonNode.Parse(requests[1].Body)!["Status"]!.GetValue<string>());
        Assert.Contains("Create SignInClassicUi: SUCCESS", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pre_token_generation_v3_gives_a_registered_machine_client_its_tenant_and_only_its_scopes()
    {
        await using var dynamo = new RecordingDynamoDb
        {
            Answer = (_, body) => body.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString() switch
            {
                "CLIENT#7m9k2p4example0machine00000" => (HttpStatusCode.OK, """{"Item":{"pk":{"S":"CLIENT#7m9k2p4example0machine00000"},"clientTenantId":{"S":"acme-01"},"scopes":{"SS":["identitystack/read"]}}}"""),
                _ => (HttpStatusCode.OK, "{}"),
            },
        };

        var (result, _, _) = await InvokeAsync("PreTokenGeneration", "pre-token-generation-v3-client-credentials.json", new()
        {
            ["DIRECTORY_TABLE"] = "identity-dev-directory",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Url,
        });

        var e = Response(result);
        var access = e["response"]!["claimsAndScopeOverrideDetails"]!["accessTokenGeneration"]!;
        Assert.Equal("acme-01", access["claimsToAddOrOverride"]!["tenant_id"]!.GetValue<string>());
        Assert.Equal(["identitystack/write"], access["scopesToSuppress"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Null(e["response"]!["claimsAndScopeOverrideDetails"]!["idTokenGeneration"]);
        // The whole event comes back, including what the model does not know.
        Assert.True(e["request"]!["futureField"]!["kept"]!.GetValue<bool>());
        Assert.Equal(
            ["CLIENT#7m9k2p4example0machine00000", "TENANT#acme-01"],
            dynamo.Requests.Select(r => r.Body.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Pre_token_generation_v3_for_a_user_adds_the_tenant_to_both_tokens()
    {
        await using var dynamo = new RecordingDynamoDb();

        var (result, _, _) = await InvokeAsync("PreTokenGeneration", "pre-token-generation-v3.json", new()
        {
            ["GROUP_SCOPES"] = "admins=identitystack/admin",
            ["DIRECTORY_TABLE"] = "identity-dev-directory",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Url,
        });

        var details = Response(result)["response"]!["claimsAndScopeOverrideDetails"]!;
        Assert.Equal("acme-01", details["idTokenGeneration"]!["claimsToAddOrOverride"]!["tenant_id"]!.GetValue<string>());
        Assert.Equal("acme-01", details["accessTokenGeneration"]!["claimsToAddOrOverride"]!["tenant_id"]!.GetValue<string>());
        Assert.Equal(["identitystack/admin"], details["accessTokenGeneration"]!["scopesToAdd"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task The_machine_client_registration_writes_the_item_and_answers_cloudformation()
    {
        await using var dynamo = new RecordingDynamoDb();
        await using var cloudFormation = new RecordingCognitoEndpoint();
        var request = $$"""
            { "RequestType": "Create", "ResponseURL": "{{cloudFormation.Url}}/cfn-response", "StackId": "arn:aws:cloudformation:eu-west-1:111122223333:stack/IdentityStack-dev/1",
              "RequestId": "r-1", "ResourceType": "Custom::MachineClientRegistration", "LogicalResourceId": "MachineClientsMachineClient",
              "ResourceProperties": { "ServiceToken": "arn:aws:lambda:eu-west-1:111122223333:function:f", "ClientId": "7m9k2p4example0machine00000", "TenantId": "acme-01", "Scopes": ["identitystack/read"] } }
            """;

        var (result, stdout, _) = await InvokeEventAsync("MachineClientRegistration", request, new()
        {
            ["DIRECTORY_TABLE"] = "identity-dev-directory",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Url,
            [CloudFormationResponseOrigin] = cloudFormation.Url,
        });

        Response(result);
        var (operation, body, _) = Assert.Single(dynamo.Requests);
        Assert.Equal("PutItem", operation);
        Assert.Equal("CLIENT#7m9k2p4example0machine00000", body.GetProperty("Item").GetProperty("pk").GetProperty("S").GetString());
        var answer = JsonNode.Parse(Assert.Single(cloudFormation.Requests).Body)!;
        Assert.Equal("SUCCESS", answer["Status"]!.GetValue<string>());
        Assert.Equal("machine-client:7m9k2p4example0machine00000", answer["PhysicalResourceId"]!.GetValue<string>());
        Assert.Contains("Create MachineClientsMachineClient: SUCCESS", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_backend_answers_me_with_the_callers_claims()
    {
        var (result, _, _) = await InvokeAsync("ApiBackend", Path.Combine("http-api", "get-me.json"), new()
        {
            ["API_RESOURCE_SERVER"] = "identitystack",
            ["API_ADMIN_GROUP"] = "admins",
            ["DIRECTORY_TABLE"] = "identity-dev-directory",
        });

        var response = Response(result);
        Assert.Equal(200, response["statusCode"]!.GetValue<int>());
        var body = JsonNode.Parse(response["body"]!.GetValue<string>())!;
        Assert.Equal("8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", body["sub"]!.GetValue<string>());
        Assert.Equal("acme", body["tenant"]!.GetValue<string>());
        Assert.Equal("admins", body["groups"]![0]!.GetValue<string>());
    }

    /// <summary>The get-me fixture as another route, with the claims changed.</summary>
    private static string ApiEvent(string method, string path, Action<JsonObject>? claims = null)
    {
        var e = JsonNode.Parse(Fixture(Path.Combine("http-api", "get-me.json")))!;
        e["routeKey"] = $"{method} {path}";
        e["rawPath"] = path;
        e["requestContext"]!["http"]!["method"] = method;
        e["requestContext"]!["http"]!["path"] = path;
        claims?.Invoke(e["requestContext"]!["authorizer"]!["jwt"]!["claims"]!.AsObject());
        return e.ToJsonString();
    }

    // Tenant isolation, point 7: the real backend asks the directory on admin routes whether the
    // caller's tenant is suspended (its token stays valid until it expires), and a group named
    // "x,admins" is not the admin group.
    [Fact]
    public async Task The_api_backend_refuses_a_suspended_tenants_admin_listing_and_a_lookalike_group()
    {
        await using var dynamo = new RecordingDynamoDb
        {
            Answer = (operation, body) => string.Equals(operation, "GetItem", StringComparison.Ordinal)
                ? (HttpStatusCode.OK, """{"Item":{"pk":{"S":"TENANT#acme"},"status":{"S":"SUSPENDED"}}}""")
                : (HttpStatusCode.OK, """{"Items":[]}"""),
        };
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["API_RESOURCE_SERVER"] = "identitystack",
            ["API_ADMIN_GROUP"] = "admins",
            ["DIRECTORY_TABLE"] = "identity-dev-directory",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Url,
        };

        var (suspended, _, _) = await InvokeEventAsync("ApiBackend", ApiEvent("GET", "/admin/users"), environment);
        var (lookalike, _, _) = await InvokeEventAsync("ApiBackend", ApiEvent("GET", "/admin/users", c => c["cognito:groups"] = "[x,admins members]"), environment);

        Assert.Equal(403, Response(suspended)["statusCode"]!.GetValue<int>());
        Assert.Contains("tenant_suspended", Response(suspended)["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(403, Response(lookalike)["statusCode"]!.GetValue<int>());
        Assert.DoesNotContain(dynamo.Requests, r => string.Equals(r.Operation, "Query", StringComparison.Ordinal));
    }

    // Tenant isolation, point 2: a federated user whose provider no longer says the address is
    // verified gets no tokens from the real binary, though the pool's email_verified says true.
    [Fact]
    public async Task Pre_token_generation_refuses_a_federated_email_the_provider_no_longer_verifies()
    {
        await using var dynamo = new RecordingDynamoDb();
        var e = JsonNode.Parse(FederatedTokenEvent("acme-01", "TokenGeneration_RefreshTokens"))!;
        e["request"]!["userAttributes"]!["custom:idp_email_verified"] = "false";
        e["request"]!["userAttributes"]!["email_verified"] = "true";

        var (result, _, _) = await InvokeEventAsync("PreTokenGeneration", e.ToJsonString(), FederatedTenantSettings(dynamo));

        Assert.Equal(ResultKind.InvocationError, result.Kind);
        Assert.Equal("Verify your email address before signing in.", JsonNode.Parse(result.Body)!["errorMessage"]!.GetValue<string>());
    }
}
