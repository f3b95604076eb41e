using System.Text.Json.Serialization;

namespace IdentityStack.Lambda.Runtime;

/// <summary>Source-generated JSON for the runtime's own payloads (no reflection: Native AOT safe).</summary>
[JsonSerializable(typeof(LambdaError))]
internal sealed partial class LambdaRuntimeJsonContext : JsonSerializerContext;
