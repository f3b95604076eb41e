namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>One part of a snapshot as the manifest lists it: its file, what it holds, how many records, its size and SHA-256 (lower-case hex of the gzip bytes).</summary>
public sealed record SnapshotPart(string Name, SnapshotPartKind Kind, int Records, long Bytes, string Sha256);
