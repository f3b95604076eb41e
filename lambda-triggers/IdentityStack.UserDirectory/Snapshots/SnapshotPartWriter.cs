using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>
/// Builds one part in memory: records as JSON Lines through gzip, then <see cref="Finish"/> gives the
/// bytes and the <see cref="SnapshotPart"/> the manifest lists (record count, size, SHA-256).
/// </summary>
public sealed class SnapshotPartWriter<T> : IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly MemoryStream _buffer = new();
    private readonly GZipStream _gzip;
    private readonly Utf8JsonWriter _json;
    private readonly JsonTypeInfo<T> _type;
    private readonly SnapshotPartKind _kind;
    private bool _finished;

    /// <summary>A writer of <paramref name="kind"/> records.</summary>
    public SnapshotPartWriter(SnapshotPartKind kind, JsonTypeInfo<T> type)
    {
        _kind = kind;
        _type = type;
        _gzip = new GZipStream(_buffer, CompressionLevel.Optimal, leaveOpen: true);
        _json = new Utf8JsonWriter(_gzip);
    }

    /// <summary>Records written so far.</summary>
    public int Records { get; private set; }

    /// <summary>Appends one record as a line.</summary>
    public void Write(T record)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        JsonSerializer.Serialize(_json, record, _type);
        _json.Flush();
        _json.Reset();
        _gzip.Write(NewLine);
        Records++;
    }

    /// <summary>Closes the gzip stream: the part's bytes and its manifest entry under <paramref name="name"/>.</summary>
    public (byte[] Content, SnapshotPart Part) Finish(string name)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        _json.Dispose();
        _gzip.Dispose();
        var content = _buffer.ToArray();
        return (content, new SnapshotPart(name, _kind, Records, content.LongLength, SnapshotDigest.Of(content)));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _json.Dispose();
        _gzip.Dispose();
        _buffer.Dispose();
    }
}
