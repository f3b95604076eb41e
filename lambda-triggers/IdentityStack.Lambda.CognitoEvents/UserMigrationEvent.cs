using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdentityStack.Lambda.CognitoEvents;

/// <summary>User migration: a user unknown to the pool signs in or resets a password; the trigger may import them.</summary>
public sealed class UserMigrationEvent : CognitoTriggerEvent<UserMigrationRequest, UserMigrationResponse>;

/// <summary>The request of <see cref="UserMigrationEvent"/>.</summary>
public sealed class UserMigrationRequest : CognitoTriggerRequest
{
    /// <summary>The password typed (only for <c>UserMigration_Authentication</c>).</summary>
    [JsonPropertyName("password")]
    public string? Password { get; set; }

    /// <summary>Data the app sent for validation only.</summary>
    [JsonPropertyName("validationData")]
    public IDictionary<string, string>? ValidationData { get; set; }
}

/// <summary>The response of <see cref="UserMigrationEvent"/>.</summary>
public sealed class UserMigrationResponse
{
    /// <summary>Attributes to create the user with.</summary>
    [JsonPropertyName("userAttributes")]
    public IDictionary<string, string>? UserAttributes { get; set; }

    /// <summary><c>CONFIRMED</c> or <c>RESET_REQUIRED</c>.</summary>
    [JsonPropertyName("finalUserStatus")]
    public string? FinalUserStatus { get; set; }

    /// <summary><c>SUPPRESS</c> (no welcome message) or <c>RESEND</c>.</summary>
    [JsonPropertyName("messageAction")]
    public string? MessageAction { get; set; }

    /// <summary>Where to send the code: <c>EMAIL</c>, <c>SMS</c>.</summary>
    [JsonPropertyName("desiredDeliveryMediums")]
    public IList<string>? DesiredDeliveryMediums { get; set; }

    /// <summary>Move an alias (email, phone) already used by another user to this one.</summary>
    [JsonPropertyName("forceAliasCreation")]
    public bool? ForceAliasCreation { get; set; }

    /// <summary>Fields not modelled here.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Unknown { get; set; }
}
