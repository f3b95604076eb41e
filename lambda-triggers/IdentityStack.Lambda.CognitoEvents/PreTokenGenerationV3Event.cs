using System.Text.Json.Serialization;

namespace IdentityStack.Lambda.CognitoEvents;

/// <summary>
/// Pre token generation, version 3 (<c>LambdaVersion: V3_0</c>, Essentials or Plus tier): the V2
/// request and response, sent for users' tokens and also for machine-to-machine access tokens
/// (<see cref="CognitoTriggerSources.TokenGenerationClientCredentials"/>). The developer guide
/// (user-pool-lambda-pre-token-generation.html) says the two versions' events are identical apart
/// from the tokens they apply to. In a client-credentials event there is no user: the app client is
/// <see cref="CognitoTriggerEvent{TRequest, TResponse}.CallerContext"/>'s client id, user attributes
/// and groups may be empty, absent or null, and only the access token changes.
/// </summary>
public sealed class PreTokenGenerationV3Event : CognitoTriggerEvent<PreTokenGenerationV2Request, PreTokenGenerationV2Response>
{
    /// <summary>Whether the event is for a machine's client-credentials access token rather than a user's tokens.</summary>
    [JsonIgnore]
    public bool IsClientCredentials => string.Equals(TriggerSource, CognitoTriggerSources.TokenGenerationClientCredentials, StringComparison.Ordinal);
}
