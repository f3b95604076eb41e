using IdentityStack.UserDirectory.Snapshots;

namespace IdentityStack.UserDirectory.Export;

/// <summary>
/// An export between two invocations: the Step Functions state the loop passes from one to the
/// next (input and output of the export function). Empty (<c>{}</c>) starts a new snapshot. It
/// stays small whatever the pool's size: a cursor, not the records.
/// </summary>
public sealed record ExportState
{
    /// <summary>The snapshot's folder name under <see cref="SnapshotFormat.ScheduledPrefix"/>; null before the first invocation.</summary>
    public string? Snapshot { get; init; }

    /// <summary>When the export began.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>What is being listed.</summary>
    public ExportPhase Phase { get; init; } = ExportPhase.Users;

    /// <summary>Where the current listing resumes: Cognito's pagination token, or the directory table's last key; null at a listing's start.</summary>
    public string? Cursor { get; init; }

    /// <summary>In <see cref="ExportPhase.Memberships"/>, the index of the group being listed.</summary>
    public int GroupIndex { get; init; }

    /// <summary>The parts written so far.</summary>
    public IReadOnlyList<SnapshotPart> Parts { get; init; } = [];

    /// <summary>How many invocations the export has taken.</summary>
    public int Invocations { get; init; }

    /// <summary>Cognito calls that were throttled and retried, over the whole export.</summary>
    public long Throttled { get; init; }

    /// <summary>True once the manifest is written; the state machine stops there.</summary>
    public bool Done { get; init; }
}
