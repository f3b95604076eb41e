using System.Text.Json.Serialization;

namespace IdentityStack.Triggers.Cognito;

/// <summary>Source-generated JSON of the Cognito calls the binary makes (Native AOT: no reflection).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CognitoErrorBody))]
[JsonSerializable(typeof(GetOpenIdTokenForDeveloperIdentityRequest))]
[JsonSerializable(typeof(GetOpenIdTokenForDeveloperIdentityResponse))]
internal sealed partial class CognitoJsonContext : JsonSerializerContext;
