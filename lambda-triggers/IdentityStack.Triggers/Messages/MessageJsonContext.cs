using System.Text.Json.Serialization;

namespace IdentityStack.Triggers.Messages;

/// <summary>Source-generated JSON for the message catalog files.</summary>
[JsonSerializable(typeof(Dictionary<string, MessageTemplate>))]
internal sealed partial class MessageJsonContext : JsonSerializerContext;
