using System.Text.Json.Serialization;

namespace IdentityStack.Triggers.Api;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HttpApiRequest))]
[JsonSerializable(typeof(HttpApiResponse))]
[JsonSerializable(typeof(MeResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(ItemRequest))]
[JsonSerializable(typeof(ItemResponse))]
[JsonSerializable(typeof(UsersResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(DeveloperLoginRequest))]
[JsonSerializable(typeof(DeveloperLoginResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
