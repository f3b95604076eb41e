using System.Text.Json.Serialization;

namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>What a part's records are.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SnapshotPartKind>))]
public enum SnapshotPartKind
{
    /// <summary><see cref="SnapshotUser"/> records.</summary>
    Users,

    /// <summary><see cref="SnapshotGroup"/> records.</summary>
    Groups,

    /// <summary><see cref="SnapshotMembership"/> records.</summary>
    Memberships,

    /// <summary><see cref="SnapshotDirectoryItem"/> records (the directory table's USER#, TENANT# and CLIENT# items).</summary>
    DirectoryItems,
}
