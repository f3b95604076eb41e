using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using IdentityStack.Lambda.CognitoEvents;

namespace IdentityStack.Lambda.Tests.CognitoEvents;

public sealed class CognitoEventJsonTests
{
    private static readonly CognitoEventsJsonContext Json = CognitoEventsJsonContext.Default;

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", name));

    private static T Read<T>(string fixture, JsonTypeInfo<T> type) => JsonSerializer.Deserialize(Fixture(fixture), type)!;

    /// <summary>The JSON with every null-valued property removed (the context leaves nulls out when writing).</summary>
    private static JsonNode? WithoutNulls(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            var copy = new JsonObject();
            foreach (var (key, value) in obj)
            {
                if (value is not null)
                {
                    copy[key] = WithoutNulls(value);
                }
            }

            return copy;
        }

        return node is JsonArray array ? new JsonArray([.. array.Select(WithoutNulls)]) : node?.DeepClone();
    }

    public static TheoryData<string> Fixtures =>
    [
        "pre-signup-sign-up.json", "pre-signup-external-provider.json", "post-confirmation.json", "pre-authentication.json",
        "post-authentication.json", "pre-token-generation-v1.json", "pre-token-generation-v2.json", "pre-token-generation-v3.json",
        "pre-token-generation-v3-client-credentials.json", "custom-message-sign-up.json",
        "user-migration-authentication.json", "user-migration-forgot-password.json",
    ];

    private static string RoundTrip(string fixture)
    {
        var text = Fixture(fixture);
        var source = JsonNode.Parse(text)!["triggerSource"]!.GetValue<string>();
        return source switch
        {
            _ when source.StartsWith("PreSignUp_", StringComparison.Ordinal) => Write(text, Json.PreSignUpEvent),
            _ when source.StartsWith("PostConfirmation_", StringComparison.Ordinal) => Write(text, Json.PostConfirmationEvent),
            _ when source.StartsWith("PreAuthentication_", StringComparison.Ordinal) => Write(text, Json.PreAuthenticationEvent),
            _ when source.StartsWith("PostAuthentication_", StringComparison.Ordinal) => Write(text, Json.PostAuthenticationEvent),
            _ when source.StartsWith("TokenGeneration_", StringComparison.Ordinal) && text.Contains("\"version\": \"2\"", StringComparison.Ordinal) => Write(text, Json.PreTokenGenerationV2Event),
            _ when source.StartsWith("TokenGeneration_", StringComparison.Ordinal) && text.Contains("\"version\": \"3\"", StringComparison.Ordinal) => Write(text, Json.PreTokenGenerationV3Event),
            _ when source.StartsWith("TokenGeneration_", StringComparison.Ordinal) => Write(text, Json.PreTokenGenerationEvent),
            _ when source.StartsWith("CustomMessage_", StringComparison.Ordinal) => Write(text, Json.CustomMessageEvent),
            _ when source.StartsWith("UserMigration_", StringComparison.Ordinal) => Write(text, Json.UserMigrationEvent),
            _ => throw new InvalidOperationException("no event type for " + source),
        };

        static string Write<T>(string text, JsonTypeInfo<T> type) => JsonSerializer.Serialize(JsonSerializer.Deserialize(text, type)!, type);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_fixture_survives_a_round_trip_whole_including_fields_we_do_not_model(string fixture)
    {
        var written = JsonNode.Parse(RoundTrip(fixture));

        Assert.True(
            JsonNode.DeepEquals(WithoutNulls(JsonNode.Parse(Fixture(fixture))), written),
            $"{fixture} changed in the round trip:\n{written}");
    }

    [Fact]
    public void Pre_sign_up_reads_the_header_attributes_and_unknown_fields()
    {
        var e = Read("pre-signup-sign-up.json", Json.PreSignUpEvent);

        Assert.Equal(CognitoTriggerSources.PreSignUpSignUp, e.TriggerSource);
        Assert.Equal("eu-west-1_AbCdEf123", e.UserPoolId);
        Assert.Equal("maria", e.UserName);
        Assert.Equal("4m2n9q1example7clientid0000", e.CallerContext.ClientId);
        Assert.Equal("acme-01", e.Request.Attribute("custom:tenant_id"));
        Assert.Null(e.Request.Attribute("phone_number"));
        Assert.Equal("passed", e.Request.ValidationData!["captcha"]);
        Assert.Contains(e.Unknown!.Keys, k => string.Equals(k, "futureField", StringComparison.Ordinal));
    }

    [Fact]
    public void A_client_credentials_event_reads_with_no_user_and_keeps_what_we_do_not_model()
    {
        var e = Read("pre-token-generation-v3-client-credentials.json", Json.PreTokenGenerationV3Event);

        Assert.Equal("3", e.Version);
        Assert.True(e.IsClientCredentials);
        Assert.Null(e.UserName);
        Assert.Equal("7m9k2p4example0machine00000", e.CallerContext.ClientId);
        Assert.Equal(["identitystack/read", "identitystack/write"], e.Request.Scopes, StringComparer.Ordinal);
        Assert.Empty(e.Request.UserAttributes);
        Assert.Contains(e.Request.Unknown!.Keys, k => string.Equals(k, "futureField", StringComparison.Ordinal));
        Assert.False(Read("pre-token-generation-v3.json", Json.PreTokenGenerationV3Event).IsClientCredentials);
    }

    [Fact]
    public void Pre_token_generation_v2_reads_groups_and_scopes_and_writes_typed_claims()
    {
        var e = Read("pre-token-generation-v2.json", Json.PreTokenGenerationV2Event);
        Assert.Equal("2", e.Version);
        Assert.Equal(["admins", "members"], e.Request.GroupConfiguration.GroupsToOverride, StringComparer.Ordinal);
        Assert.Contains("identitystack/read", e.Request.Scopes, StringComparer.Ordinal);

        e.Response.ClaimsAndScopeOverrideDetails = new ClaimsAndScopeOverrideDetails
        {
            AccessTokenGeneration = new AccessTokenChanges
            {
                ClaimsToAddOrOverride = new Dictionary<string, JsonNode?>(StringComparer.Ordinal) { ["roles"] = new JsonArray("admin"), ["level"] = 3 },
                ScopesToAdd = ["identitystack/admin"],
            },
        };
        var written = JsonNode.Parse(JsonSerializer.Serialize(e, Json.PreTokenGenerationV2Event))!;

        var access = written["response"]!["claimsAndScopeOverrideDetails"]!["accessTokenGeneration"]!;
        Assert.Equal("admin", access["claimsToAddOrOverride"]!["roles"]![0]!.GetValue<string>());
        Assert.Equal(3, access["claimsToAddOrOverride"]!["level"]!.GetValue<int>());
        Assert.Equal("identitystack/admin", access["scopesToAdd"]![0]!.GetValue<string>());
        Assert.Null(access["scopesToSuppress"]);
    }

    [Fact]
    public void User_migration_carries_the_password_only_on_authentication()
    {
        Assert.Equal("Legacy-Passw0rd!", Read("user-migration-authentication.json", Json.UserMigrationEvent).Request.Password);
        Assert.Null(Read("user-migration-forgot-password.json", Json.UserMigrationEvent).Request.Password);
    }

    [Fact]
    public void Custom_message_reads_the_code_parameter() =>
        Assert.Equal("{####}", Read("custom-message-sign-up.json", Json.CustomMessageEvent).Request.CodeParameter);
}
