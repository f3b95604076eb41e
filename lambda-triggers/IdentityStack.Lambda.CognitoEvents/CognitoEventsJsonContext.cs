using System.Text.Json.Serialization;

namespace IdentityStack.Lambda.CognitoEvents;

/// <summary>Source-generated JSON for every trigger event (no reflection: Native AOT safe). Nulls are left out.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PreSignUpEvent))]
[JsonSerializable(typeof(PostConfirmationEvent))]
[JsonSerializable(typeof(PreAuthenticationEvent))]
[JsonSerializable(typeof(PostAuthenticationEvent))]
[JsonSerializable(typeof(PreTokenGenerationEvent))]
[JsonSerializable(typeof(PreTokenGenerationV2Event))]
[JsonSerializable(typeof(PreTokenGenerationV3Event))]
[JsonSerializable(typeof(CustomMessageEvent))]
[JsonSerializable(typeof(UserMigrationEvent))]
public sealed partial class CognitoEventsJsonContext : JsonSerializerContext;
