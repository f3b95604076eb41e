using System.Text.Json.Serialization;

namespace IdentityStack.Lambda.CognitoEvents;

/// <summary>Pre authentication: before Cognito checks the password; throwing refuses the sign-in.</summary>
public sealed class PreAuthenticationEvent : CognitoTriggerEvent<PreAuthenticationRequest, EmptyTriggerResponse>;

/// <summary>The request of <see cref="PreAuthenticationEvent"/>.</summary>
public sealed class PreAuthenticationRequest : CognitoTriggerRequest
{
    /// <summary>Data the app sent for validation only.</summary>
    [JsonPropertyName("validationData")]
    public IDictionary<string, string>? ValidationData { get; set; }

    /// <summary>True when the user does not exist (only when user-existence errors are prevented).</summary>
    [JsonPropertyName("userNotFound")]
    public bool UserNotFound { get; set; }
}
