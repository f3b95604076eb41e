using System.Text.Json.Serialization;

namespace IdentityStack.Triggers.CustomResources;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CustomResourceEvent<ClassicUiProperties>))]
[JsonSerializable(typeof(CustomResourceEvent<MachineClientProperties>))]
[JsonSerializable(typeof(CustomResourceResponse))]
[JsonSerializable(typeof(SetUiCustomizationRequest))]
internal sealed partial class CustomResourceJsonContext : JsonSerializerContext;
