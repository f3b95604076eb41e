using System.Text.Json.Nodes;
using IdentityStack.EndToEnd.Tests.Cognito;
using IdentityStack.Testing;
using static IdentityStack.EndToEnd.Tests.LocalIdentityPlatform;

namespace IdentityStack.EndToEnd.Tests;

/// <summary>
/// The whole chain on 127.0.0.1: sign-up and sign-in against cognito-local calling our real
/// trigger binary, tokens judged by the synthesized authorizer's rules, the real backend answering.
/// </summary>
public sealed class SignUpToApiTests(LocalIdentityPlatform platform) : IClassFixture<LocalIdentityPlatform>
{
    /// <summary>An event of a trigger for this user and trigger source.</summary>
    private static Predicate<JsonNode> Ran(string username, string triggerSource) => e =>
        string.Equals((string?)e["userName"], username, StringComparison.Ordinal)
        && string.Equals((string?)e["triggerSource"], triggerSource, StringComparison.Ordinal);

    [Fact]
    public async Task The_local_pool_is_the_synthesized_dev_pool()
    {
        var pool = await platform.Cognito.CallAsync("DescribeUserPool", new JsonObject { ["UserPoolId"] = platform.Pool.PoolId });
        var groups = await platform.Cognito.CallAsync("ListGroups", new JsonObject { ["UserPoolId"] = platform.Pool.PoolId });

        Assert.Equal("OPTIONAL", (string?)pool["UserPool"]!["MfaConfiguration"]);
        Assert.Equal(12, (int?)pool["UserPool"]!["Policies"]!["PasswordPolicy"]!["MinimumLength"]);
        Assert.Equal(["admins", "members"], groups["Groups"]!.AsArray().Select(g => (string)g!["GroupName"]!).Order(StringComparer.Ordinal));
        Assert.Null(platform.Spa.ClientSecret);
        Assert.NotNull(platform.Pool.Client("UserPool-ServerClient").ClientSecret);
        Assert.Equal(["PreAuthentication"], platform.Functions.NotCalledByCognitoLocal);
        Assert.Equal(
            ["CustomMessage", "PostAuthentication", "PostConfirmation", "PreSignUp", "PreTokenGeneration", "UserMigration"],
            platform.Functions.TriggerFunctions.Select(t => t.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Sign_up_with_a_denied_email_domain_is_refused_with_the_pre_sign_up_message()
    {
        var refused = await Assert.ThrowsAsync<CognitoErrorException>(() => platform.SignUpAsync(NewUsername("mallory"), "mallory@elsewhere.test"));

        Assert.Equal("UserLambdaValidationException", refused.ErrorType);
        Assert.Contains("Sign-up with this email domain is not allowed. Use your organisation's email address.", refused.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_up_gets_our_custom_message_and_confirming_writes_the_profile()
    {
        var username = NewUsername("maria");

        var signedUp = await platform.SignUpAsync(username, $"{username}@example.com");
        var delivery = await platform.Server.NextDeliveryAsync(username);
        await platform.ConfirmAsync(username, delivery.Code);

        Assert.False((bool)signedUp["UserConfirmed"]!);
        Assert.Matches("^[0-9]{6}$", delivery.Code);
        Assert.Equal("Verify your email address", delivery.EmailSubject);
        Assert.Equal($"Welcome! Your verification code is {delivery.Code}. It expires in 24 hours.", delivery.EmailMessage);
        var sub = (string)signedUp["UserSub"]!;
        var put = Assert.Single(platform.DynamoDb.Requests, r => string.Equals(r.Operation, "PutItem", StringComparison.Ordinal)
            && string.Equals(r.Body.GetProperty("Item").GetProperty("pk").GetProperty("S").GetString(), "USER#" + sub, StringComparison.Ordinal));
        Assert.StartsWith("TriggersDirectoryTable", put.Body.GetProperty("TableName").GetString(), StringComparison.Ordinal);
        Assert.Contains("attribute_not_exists", put.Body.GetProperty("ConditionExpression").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_runs_our_triggers_and_the_api_answers_with_the_callers_claims()
    {
        var username = NewUsername("ana");
        await platform.InvitedUserAsync(username, tenant: "acme", group: "members");

        var tokens = (await platform.SignInAsync(username))["AuthenticationResult"]!;
        var idToken = (string)tokens["IdToken"]!;
        var accessToken = (string)tokens["AccessToken"]!;
        var me = await platform.Api().SendAsync("GET", "/me", "Bearer " + idToken);
        var meWithAccessToken = await platform.Api().SendAsync("GET", "/me", "Bearer " + accessToken);

        Assert.Contains(platform.EventsOf("PostAuthentication"), Ran(username, "PostAuthentication_Authentication"));
        Assert.Contains(platform.EventsOf("PreTokenGeneration"), Ran(username, "TokenGeneration_Authentication"));
        var claims = Claims(idToken);
        Assert.Equal("acme", (string?)claims["tenant_id"]);
        // Our "roles" claim is there, but empty: cognito-local sends pre token generation no groups
        // (groupConfiguration is {}), where Cognito sends groupsToOverride. Its own cognito:groups has them.
        Assert.Equal(string.Empty, (string?)claims["roles"]);
        Assert.Equal(["members"], claims["cognito:groups"]!.AsArray().Select(g => (string)g!));
        Assert.Equal(platform.Api().LocalIssuer, (string?)claims["iss"]);
        Assert.Equal(200, me.Status);
        Assert.Equal((string?)claims["sub"], (string?)me.Body!["sub"]);
        Assert.Equal(username, (string?)me.Body["username"]);
        Assert.Equal("acme", (string?)me.Body["tenant"]);
        Assert.Equal(["members"], me.Body["groups"]!.AsArray().Select(g => (string)g!));
        Assert.Equal(200, meWithAccessToken.Status);
        Assert.Equal(username, (string?)meWithAccessToken.Body!["username"]);
        Assert.Equal(["aws.cognito.signin.user.admin"], meWithAccessToken.Body["scopes"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public async Task A_refreshed_token_is_accepted_and_carries_our_claims_again()
    {
        var username = NewUsername("refresh");
        await platform.InvitedUserAsync(username, tenant: "globex", group: "members");
        var refreshToken = (string)(await platform.SignInAsync(username))["AuthenticationResult"]!["RefreshToken"]!;

        var refreshed = await platform.Cognito.TokenEndpointAsync(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = platform.Spa.ClientId,
            ["refresh_token"] = refreshToken,
        });
        var me = await platform.Api().SendAsync("GET", "/me", "Bearer " + (string)refreshed["id_token"]!);

        Assert.Contains(platform.EventsOf("PreTokenGeneration"), Ran(username, "TokenGeneration_RefreshTokens"));
        Assert.Equal(200, me.Status);
        Assert.Equal("globex", (string?)me.Body!["tenant"]);
        // The trigger's claim, not cognito-local's copy of custom:tenant_id: the refresh ran our trigger.
        Assert.Equal("globex", (string?)Claims((string)refreshed["id_token"]!)["tenant_id"]);
    }

    // Cognito runs pre token generation, never pre authentication, for a refresh-token grant
    // (developer guide, "Lambda trigger sources",
    // https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html):
    // suspending a tenant must stop its users' refreshes there, or they keep getting tokens (and AWS
    // credentials) until the refresh token expires.
    [Fact]
    public async Task A_suspended_tenant_gets_no_tokens_from_a_refresh()
    {
        var username = NewUsername("suspended");
        await platform.InvitedUserAsync(username, tenant: "initech", group: "members");
        var refreshToken = (string)(await platform.SignInAsync(username))["AuthenticationResult"]!["RefreshToken"]!;
        var answer = platform.DynamoDb.Answer;
        platform.DynamoDb.Answer = (operation, body) =>
            string.Equals(body.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString(), "TENANT#initech", StringComparison.Ordinal)
                ? (System.Net.HttpStatusCode.OK, """{"Item":{"pk":{"S":"TENANT#initech"},"status":{"S":"SUSPENDED"}}}""")
                : answer(operation, body);
        try
        {
            await Assert.ThrowsAsync<CognitoErrorException>(() => platform.Cognito.TokenEndpointAsync(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = platform.Spa.ClientId,
                ["refresh_token"] = refreshToken,
            }));
        }
        finally
        {
            platform.DynamoDb.Answer = answer;
        }

        var refresh = platform.Lambda.Invocations.Last(i => string.Equals(i.Function, (string?)platform.Functions.TriggerFunctions["PreTokenGeneration"], StringComparison.Ordinal));
        Assert.Equal("TokenGeneration_RefreshTokens", (string?)JsonNode.Parse(refresh.Event)!["triggerSource"]);
        Assert.True(refresh.Result.IsError, refresh.Result.Body);
        Assert.Equal("Your organisation's access is suspended. Contact your administrator.", (string?)JsonNode.Parse(refresh.Result.Body)!["errorMessage"]);
        Assert.Contains(platform.DynamoDb.Requests, r => string.Equals(r.Operation, "GetItem", StringComparison.Ordinal)
            && string.Equals(r.Body.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString(), "TENANT#initech", StringComparison.Ordinal));
    }

    // The tenant tool and the triggers meet only in the directory table: what `identity-tenant suspend`
    // writes (the real program, by DirectoryKeys) is what the real pre token generation binary reads.
    [Fact]
    public async Task A_tenant_suspended_with_identity_tenant_gets_no_tokens_and_resume_restores_them()
    {
        var username = NewUsername("tenanttool");
        await platform.InvitedUserAsync(username, tenant: "hooli", group: "members");
        var refreshToken = (string)(await platform.SignInAsync(username))["AuthenticationResult"]!["RefreshToken"]!;
        var refresh = () => platform.Cognito.TokenEndpointAsync(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = platform.Spa.ClientId,
            ["refresh_token"] = refreshToken,
        });
        var answer = platform.DynamoDb.Answer;
        var table = new IdentityStack.Testing.InMemoryDynamoDbTable(answer);
        platform.DynamoDb.Answer = table.Answer;
        await using var sts = new IdentityStack.Testing.FakeSts();
        async Task<int> TenantToolAsync(string action) =>
            (await IdentityStack.Testing.TenantToolProcess.RunAsync(platform.DynamoDb.Url, sts.Url, action, "hooli", "--stage", "dev", "--table", "identity-directory", "--region", "eu-west-1")).ExitCode;

        try
        {
            Assert.Equal(0, await TenantToolAsync("suspend"));
            await Assert.ThrowsAsync<CognitoErrorException>(refresh);
            var refused = platform.Lambda.Invocations.Last(i => string.Equals(i.Function, (string?)platform.Functions.TriggerFunctions["PreTokenGeneration"], StringComparison.Ordinal));
            Assert.Equal("Your organisation's access is suspended. Contact your administrator.", (string?)JsonNode.Parse(refused.Result.Body)!["errorMessage"]);

            Assert.Equal(0, await TenantToolAsync("resume"));
            var restored = await refresh();
            Assert.Equal("hooli", (string?)Claims((string)restored["id_token"]!)["tenant_id"]);
        }
        finally
        {
            platform.DynamoDb.Answer = answer;
        }
    }

    [Fact]
    public async Task An_invited_user_gets_a_directory_profile_at_the_first_token_issue()
    {
        var username = NewUsername("invited");
        await platform.InvitedUserAsync(username, tenant: "hooli", group: "members");
        var idToken = (string)(await platform.SignInAsync(username))["AuthenticationResult"]!["IdToken"]!;
        var sub = (string)Claims(idToken)["sub"]!;

        // Invited users never pass post confirmation; pre token generation writes the missing profile.
        Assert.Contains(platform.DynamoDb.Requests, r => string.Equals(r.Operation, "PutItem", StringComparison.Ordinal)
            && string.Equals(r.Body.GetProperty("Item").GetProperty("pk").GetProperty("S").GetString(), "USER#" + sub, StringComparison.Ordinal)
            && string.Equals(r.Body.GetProperty("Item").GetProperty("tenantId").GetProperty("S").GetString(), "hooli", StringComparison.Ordinal)
            && string.Equals(r.Body.GetProperty("ConditionExpression").GetString(), "attribute_not_exists(#pk)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Totp_mfa_set_up_then_sign_in_answers_the_software_token_challenge()
    {
        var username = NewUsername("totp");
        await platform.InvitedUserAsync(username, tenant: "acme", group: "members");
        var accessToken = (string)(await platform.SignInAsync(username))["AuthenticationResult"]!["AccessToken"]!;
        var secret = (string)(await platform.Cognito.CallAsync("AssociateSoftwareToken", new JsonObject { ["AccessToken"] = accessToken }))["SecretCode"]!;
        var verified = await platform.Cognito.CallAsync("VerifySoftwareToken", new JsonObject { ["AccessToken"] = accessToken, ["UserCode"] = Totp.Code(secret, DateTimeOffset.UtcNow) });
        await platform.Cognito.CallAsync("SetUserMFAPreference", new JsonObject
        {
            ["AccessToken"] = accessToken,
            ["SoftwareTokenMfaSettings"] = new JsonObject { ["Enabled"] = true, ["PreferredMfa"] = true },
        });

        var challenge = await platform.SignInAsync(username);
        var answered = await platform.Cognito.CallAsync("RespondToAuthChallenge", new JsonObject
        {
            ["ClientId"] = platform.Spa.ClientId,
            ["ChallengeName"] = "SOFTWARE_TOKEN_MFA",
            ["Session"] = (string?)challenge["Session"],
            ["ChallengeResponses"] = new JsonObject { ["USERNAME"] = username, ["SOFTWARE_TOKEN_MFA_CODE"] = Totp.Code(secret, DateTimeOffset.UtcNow) },
        });
        var me = await platform.Api().SendAsync("GET", "/me", "Bearer " + (string)answered["AuthenticationResult"]!["IdToken"]!);

        Assert.Equal("SUCCESS", (string?)verified["Status"]);
        Assert.Equal("SOFTWARE_TOKEN_MFA", (string?)challenge["ChallengeName"]);
        Assert.Null(challenge["AuthenticationResult"]);
        Assert.Equal(200, me.Status);
        Assert.Equal(username, (string?)me.Body!["username"]);
    }
}
