namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>A checked snapshot: its manifest and its records by kind.</summary>
public sealed record SnapshotContents(
    SnapshotManifest Manifest,
    IReadOnlyList<SnapshotUser> Users,
    IReadOnlyList<SnapshotGroup> Groups,
    IReadOnlyList<SnapshotMembership> Memberships,
    IReadOnlyList<SnapshotDirectoryItem> DirectoryItems);
