using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdentityStack.Lambda.CognitoEvents;

/// <summary>Pre sign-up: before a user is created (sign-up, admin create, first federated sign-in).</summary>
public sealed class PreSignUpEvent : CognitoTriggerEvent<PreSignUpRequest, PreSignUpResponse>;

/// <summary>The request of <see cref="PreSignUpEvent"/>.</summary>
public sealed class PreSignUpRequest : CognitoTriggerRequest
{
    /// <summary>Data the app sent for validation only (not stored).</summary>
    [JsonPropertyName("validationData")]
    public IDictionary<string, string>? ValidationData { get; set; }
}

/// <summary>The response of <see cref="PreSignUpEvent"/>.</summary>
public sealed class PreSignUpResponse
{
    /// <summary>Confirm the user without a code.</summary>
    [JsonPropertyName("autoConfirmUser")]
    public bool AutoConfirmUser { get; set; }

    /// <summary>Mark the email verified.</summary>
    [JsonPropertyName("autoVerifyEmail")]
    public bool AutoVerifyEmail { get; set; }

    /// <summary>Mark the phone number verified.</summary>
    [JsonPropertyName("autoVerifyPhone")]
    public bool AutoVerifyPhone { get; set; }

    /// <summary>Fields not modelled here.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Unknown { get; set; }
}
