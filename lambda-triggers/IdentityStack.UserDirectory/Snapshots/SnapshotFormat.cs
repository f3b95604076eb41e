namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>
/// The snapshot layout: a folder (an S3 prefix or a local directory) holding <see cref="ManifestName"/>
/// and gzip JSON Lines parts, one record per line, each part's SHA-256 in the manifest. A reader
/// refuses a manifest of another <see cref="Version"/>: a change of any record's meaning is a new version.
/// </summary>
public static class SnapshotFormat
{
    /// <summary>The format version this code writes and reads.</summary>
    public const int Version = 1;

    /// <summary>The manifest's file name in the snapshot folder; written last, so a folder without it is an export that did not finish.</summary>
    public const string ManifestName = "manifest.json";

    /// <summary>Where scheduled snapshots go in the backup bucket: <c>snapshots/{started, UTC}/</c>.</summary>
    public const string ScheduledPrefix = "snapshots/";

    /// <summary>A snapshot of the whole pool, written on the backup's schedule.</summary>
    public const string ScheduledKind = "scheduled";

    /// <summary>A snapshot of one tenant's users, written by identity-tenant offboard before it disables them.</summary>
    public const string OffboardKind = "offboard";

    /// <summary>The folder name of a snapshot started at <paramref name="startedAt"/>: sortable, and valid as an S3 key and a file name.</summary>
    public static string FolderName(DateTimeOffset startedAt) =>
        startedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH-mm-ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A part's file name: <c>{kind}-{00001}.jsonl.gz</c>.</summary>
    public static string PartName(SnapshotPartKind kind, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{KindName(kind)}-{index:D5}.jsonl.gz");

    /// <summary>The kind's name in part names and the manifest.</summary>
    public static string KindName(SnapshotPartKind kind) => kind switch
    {
        SnapshotPartKind.Users => "users",
        SnapshotPartKind.Groups => "groups",
        SnapshotPartKind.Memberships => "memberships",
        SnapshotPartKind.DirectoryItems => "directory",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a part kind"),
    };
}
