using System.Text.Json.Serialization;
using IdentityStack.UserDirectory.Export;

namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>Source-generated JSON of the snapshot records, the manifest and the export's state (Native AOT: no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SnapshotManifest))]
[JsonSerializable(typeof(SnapshotUser))]
[JsonSerializable(typeof(SnapshotGroup))]
[JsonSerializable(typeof(SnapshotMembership))]
[JsonSerializable(typeof(SnapshotDirectoryItem))]
[JsonSerializable(typeof(ExportState))]
public sealed partial class SnapshotJsonContext : JsonSerializerContext;
