using System.Text.Json.Serialization;

namespace IdentityStack.Lambda.CognitoEvents;

/// <summary>Post authentication: after a successful sign-in, before tokens are issued.</summary>
public sealed class PostAuthenticationEvent : CognitoTriggerEvent<PostAuthenticationRequest, EmptyTriggerResponse>;

/// <summary>The request of <see cref="PostAuthenticationEvent"/>.</summary>
public sealed class PostAuthenticationRequest : CognitoTriggerRequest
{
    /// <summary>The user signed in from a device Cognito has not seen for them.</summary>
    [JsonPropertyName("newDeviceUsed")]
    public bool NewDeviceUsed { get; set; }
}
