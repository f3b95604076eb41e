using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>
/// Writes a whole snapshot at once (records in memory: one tenant's users, say), in the same format
/// as the scheduled export: one part per kind, then the manifest.
/// </summary>
public static class SnapshotWriter
{
    /// <summary>Writes the records' parts, then their manifest with its counts and parts filled in; the manifest written.</summary>
    public static async Task<SnapshotManifest> WriteAsync(ISnapshotStore store, SnapshotContents records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(records);
        var parts = new List<SnapshotPart>
        {
            await PartAsync(store, SnapshotPartKind.Users, records.Users, SnapshotJsonContext.Default.SnapshotUser, cancellationToken).ConfigureAwait(false),
            await PartAsync(store, SnapshotPartKind.Groups, records.Groups, SnapshotJsonContext.Default.SnapshotGroup, cancellationToken).ConfigureAwait(false),
            await PartAsync(store, SnapshotPartKind.Memberships, records.Memberships, SnapshotJsonContext.Default.SnapshotMembership, cancellationToken).ConfigureAwait(false),
            await PartAsync(store, SnapshotPartKind.DirectoryItems, records.DirectoryItems, SnapshotJsonContext.Default.SnapshotDirectoryItem, cancellationToken).ConfigureAwait(false),
        };
        var written = records.Manifest with { Parts = parts, Counts = parts.Aggregate(SnapshotCounts.None, (counts, part) => counts.With(part)) };
        await store.PutAsync(SnapshotFormat.ManifestName, JsonSerializer.SerializeToUtf8Bytes(written, SnapshotJsonContext.Default.SnapshotManifest), cancellationToken).ConfigureAwait(false);
        return written;
    }

    private static async Task<SnapshotPart> PartAsync<T>(ISnapshotStore store, SnapshotPartKind kind, IEnumerable<T> records, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var writer = new SnapshotPartWriter<T>(kind, type);
        foreach (var record in records)
        {
            writer.Write(record);
        }

        var (content, part) = writer.Finish(SnapshotFormat.PartName(kind, 1));
        await store.PutAsync(part.Name, content, cancellationToken).ConfigureAwait(false);
        return part;
    }
}
