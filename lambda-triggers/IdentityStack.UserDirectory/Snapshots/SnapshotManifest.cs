namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>
/// A snapshot's manifest: the format version, the pool it was taken from, when, what kind
/// (<see cref="SnapshotFormat.ScheduledKind"/> or <see cref="SnapshotFormat.OffboardKind"/>, then
/// with its <see cref="Tenant"/>), the counts, and every part with its SHA-256.
/// </summary>
public sealed record SnapshotManifest
{
    /// <summary>The format version (<see cref="SnapshotFormat.Version"/> when written by this code).</summary>
    public required int FormatVersion { get; init; }

    /// <summary>The user pool the snapshot was taken from.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The stage, when known.</summary>
    public string? Stage { get; init; }

    /// <summary>Scheduled (the whole pool) or offboard (one tenant).</summary>
    public required string Kind { get; init; }

    /// <summary>The tenant of an offboard snapshot; null otherwise.</summary>
    public string? Tenant { get; init; }

    /// <summary>When the export began.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the last part was written.</summary>
    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>Records per kind (the sum of the parts').</summary>
    public required SnapshotCounts Counts { get; init; }

    /// <summary>The parts, in the order they were written.</summary>
    public required IReadOnlyList<SnapshotPart> Parts { get; init; }
}
