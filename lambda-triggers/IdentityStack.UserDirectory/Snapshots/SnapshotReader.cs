using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>
/// Opens a snapshot for use: the manifest must be this format's version, list only parts that are
/// there with the SHA-256 and record count it states, and add up to its counts. Anything else is a
/// <see cref="SnapshotRefusedException"/> before a single record is used.
/// </summary>
public static class SnapshotReader
{
    /// <summary>Reads and checks the whole snapshot; its records by kind.</summary>
    public static async Task<SnapshotContents> ReadAsync(ISnapshotStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var manifestBytes = await store.GetAsync(SnapshotFormat.ManifestName, cancellationToken).ConfigureAwait(false)
            ?? throw new SnapshotRefusedException($"{store.Location} has no {SnapshotFormat.ManifestName}: not a snapshot, or an export that did not finish; pick a snapshot folder that has one.");
        var manifest = ParseManifest(manifestBytes, store.Location);
        var users = new List<SnapshotUser>();
        var groups = new List<SnapshotGroup>();
        var memberships = new List<SnapshotMembership>();
        var items = new List<SnapshotDirectoryItem>();
        var counted = SnapshotCounts.None;
        foreach (var part in manifest.Parts)
        {
            var content = await store.GetAsync(part.Name, cancellationToken).ConfigureAwait(false)
                ?? throw new SnapshotRefusedException($"{store.Location}{part.Name} is missing; the manifest lists it. Copy the whole snapshot folder.");
            if (!string.Equals(SnapshotDigest.Of(content), part.Sha256, StringComparison.Ordinal))
            {
                throw new SnapshotRefusedException($"{store.Location}{part.Name}: its SHA-256 is not the manifest's; the file was changed or damaged. Use another snapshot or a good copy of this one.");
            }

            var read = part.Kind switch
            {
                SnapshotPartKind.Users => ReadLines(content, part, SnapshotJsonContext.Default.SnapshotUser, users),
                SnapshotPartKind.Groups => ReadLines(content, part, SnapshotJsonContext.Default.SnapshotGroup, groups),
                SnapshotPartKind.Memberships => ReadLines(content, part, SnapshotJsonContext.Default.SnapshotMembership, memberships),
                _ => ReadLines(content, part, SnapshotJsonContext.Default.SnapshotDirectoryItem, items),
            };
            if (read != part.Records)
            {
                throw new SnapshotRefusedException($"{store.Location}{part.Name} holds {read} records; the manifest says {part.Records}. Use another snapshot.");
            }

            counted = counted.With(part);
        }

        if (counted != manifest.Counts)
        {
            throw new SnapshotRefusedException($"{store.Location}{SnapshotFormat.ManifestName}: its counts are not the sum of its parts'. Use another snapshot.");
        }

        return new SnapshotContents(manifest, users, groups, memberships, items);
    }

    /// <summary>The manifest, checked for its format version and shape.</summary>
    public static SnapshotManifest ParseManifest(byte[] content, string location)
    {
        SnapshotManifest? manifest;
        try
        {
            using var document = JsonDocument.Parse(content);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number)
            {
                throw new SnapshotRefusedException($"{location}{SnapshotFormat.ManifestName} has no formatVersion: not a snapshot manifest.");
            }

            if (!version.TryGetInt32(out var number) || number != SnapshotFormat.Version)
            {
                throw new SnapshotRefusedException($"{location}{SnapshotFormat.ManifestName} is format version {version.GetRawText()}; this tool reads version {SnapshotFormat.Version}. Use the tool of the release that wrote it.");
            }

            manifest = document.RootElement.Deserialize(SnapshotJsonContext.Default.SnapshotManifest);
        }
        catch (JsonException error)
        {
            throw new SnapshotRefusedException($"{location}{SnapshotFormat.ManifestName} is not a valid manifest ({error.Message}).", error);
        }

        if (manifest is not { UserPoolId.Length: > 0, Kind.Length: > 0, Parts: not null, Counts: not null } || manifest.Parts.Any(p => p is null || string.IsNullOrEmpty(p.Name) || string.IsNullOrEmpty(p.Sha256)))
        {
            throw new SnapshotRefusedException($"{location}{SnapshotFormat.ManifestName} lacks its pool, kind, counts or parts: not a complete manifest.");
        }

        return manifest;
    }

    /// <summary>The records of one part (not checked against the manifest: <see cref="ReadAsync"/> does that).</summary>
    public static IReadOnlyList<T> ReadRecords<T>(byte[] content, SnapshotPart part, JsonTypeInfo<T> type)
    {
        var records = new List<T>();
        ReadLines(content, part, type, records);
        return records;
    }

    private static int ReadLines<T>(byte[] content, SnapshotPart part, JsonTypeInfo<T> type, List<T> into)
    {
        var count = 0;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                into.Add(JsonSerializer.Deserialize(line, type) ?? throw new JsonException("a record is null"));
                count++;
            }
        }
        catch (Exception error) when (error is JsonException or InvalidDataException)
        {
            throw new SnapshotRefusedException($"{part.Name}: record {count + 1} cannot be read ({error.Message}).", error);
        }

        return count;
    }
}
