using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdentityStack.Lambda.CognitoEvents;

/// <summary>Pre token generation, version 1 (ID token only; all tiers).</summary>
public sealed class PreTokenGenerationEvent : CognitoTriggerEvent<PreTokenGenerationRequest, PreTokenGenerationResponse>;

/// <summary>The request of pre token generation V1.</summary>
public class PreTokenGenerationRequest : CognitoTriggerRequest
{
    /// <summary>The user's groups and their IAM roles.</summary>
    [JsonPropertyName("groupConfiguration")]
    public GroupConfiguration GroupConfiguration { get; set; } = new();
}

/// <summary>The user's groups, as Cognito would put them in the token.</summary>
public sealed class GroupConfiguration
{
    /// <summary>Group names.</summary>
    [JsonPropertyName("groupsToOverride")]
    public IList<string> GroupsToOverride { get; set; } = [];

    /// <summary>IAM role ARNs of those groups.</summary>
    [JsonPropertyName("iamRolesToOverride")]
    public IList<string> IamRolesToOverride { get; set; } = [];

    /// <summary>The role of the group with the lowest precedence.</summary>
    [JsonPropertyName("preferredRole")]
    public string? PreferredRole { get; set; }

    /// <summary>Fields not modelled here.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>The response of pre token generation V1.</summary>
public sealed class PreTokenGenerationResponse
{
    /// <summary>Changes to the ID token; null keeps it as Cognito built it.</summary>
    [JsonPropertyName("claimsOverrideDetails")]
    public ClaimsOverrideDetails? ClaimsOverrideDetails { get; set; }

    /// <summary>Fields not modelled here.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>V1 changes to the ID token.</summary>
public sealed class ClaimsOverrideDetails
{
    /// <summary>Claims to add or replace (string values in V1).</summary>
    [JsonPropertyName("claimsToAddOrOverride")]
    public IDictionary<string, string>? ClaimsToAddOrOverride { get; set; }

    /// <summary>Claims to remove.</summary>
    [JsonPropertyName("claimsToSuppress")]
    public IList<string>? ClaimsToSuppress { get; set; }

    /// <summary>Replacement group information.</summary>
    [JsonPropertyName("groupOverrideDetails")]
    public GroupConfiguration? GroupOverrideDetails { get; set; }
}
