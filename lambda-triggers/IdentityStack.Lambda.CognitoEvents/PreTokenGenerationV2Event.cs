using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace IdentityStack.Lambda.CognitoEvents;

/// <summary>
/// Pre token generation, version 2: customises ID and access tokens, including scopes.
/// Needs the Essentials or Plus tier and <c>LambdaVersion: V2_0</c> on the pool.
/// </summary>
public sealed class PreTokenGenerationV2Event : CognitoTriggerEvent<PreTokenGenerationV2Request, PreTokenGenerationV2Response>;

/// <summary>The request of pre token generation V2.</summary>
public sealed class PreTokenGenerationV2Request : PreTokenGenerationRequest
{
    /// <summary>Scopes the access token will carry.</summary>
    [JsonPropertyName("scopes")]
    public IList<string> Scopes { get; set; } = [];
}

/// <summary>The response of pre token generation V2.</summary>
public sealed class PreTokenGenerationV2Response
{
    /// <summary>Changes to the tokens; null keeps them as Cognito built them.</summary>
    [JsonPropertyName("claimsAndScopeOverrideDetails")]
    public ClaimsAndScopeOverrideDetails? ClaimsAndScopeOverrideDetails { get; set; }

    /// <summary>Fields not modelled here.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>V2 changes to the ID and access tokens.</summary>
public sealed class ClaimsAndScopeOverrideDetails
{
    /// <summary>Changes to the ID token.</summary>
    [JsonPropertyName("idTokenGeneration")]
    public TokenClaimChanges? IdTokenGeneration { get; set; }

    /// <summary>Changes to the access token.</summary>
    [JsonPropertyName("accessTokenGeneration")]
    public AccessTokenChanges? AccessTokenGeneration { get; set; }

    /// <summary>Replacement group information.</summary>
    [JsonPropertyName("groupOverrideDetails")]
    public GroupConfiguration? GroupOverrideDetails { get; set; }
}

/// <summary>Claims to add or remove in one token. V2 claim values may be strings, numbers, booleans or arrays.</summary>
public class TokenClaimChanges
{
    /// <summary>Claims to add or replace.</summary>
    [JsonPropertyName("claimsToAddOrOverride")]
    public IDictionary<string, JsonNode?>? ClaimsToAddOrOverride { get; set; }

    /// <summary>Claims to remove.</summary>
    [JsonPropertyName("claimsToSuppress")]
    public IList<string>? ClaimsToSuppress { get; set; }
}

/// <summary>Access-token changes: claims and scopes.</summary>
public sealed class AccessTokenChanges : TokenClaimChanges
{
    /// <summary>Scopes to add.</summary>
    [JsonPropertyName("scopesToAdd")]
    public IList<string>? ScopesToAdd { get; set; }

    /// <summary>Scopes to remove.</summary>
    [JsonPropertyName("scopesToSuppress")]
    public IList<string>? ScopesToSuppress { get; set; }
}
