namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>How many records of each kind a snapshot holds.</summary>
public sealed record SnapshotCounts(long Users, long Groups, long Memberships, long DirectoryItems)
{
    /// <summary>No records.</summary>
    public static readonly SnapshotCounts None = new(0, 0, 0, 0);

    /// <summary>These counts with <paramref name="part"/>'s records added to its kind.</summary>
    public SnapshotCounts With(SnapshotPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return part.Kind switch
        {
            SnapshotPartKind.Users => this with { Users = Users + part.Records },
            SnapshotPartKind.Groups => this with { Groups = Groups + part.Records },
            SnapshotPartKind.Memberships => this with { Memberships = Memberships + part.Records },
            _ => this with { DirectoryItems = DirectoryItems + part.Records },
        };
    }
}
