using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;

namespace IdentityStack.Testing;

/// <summary>
/// S3 on 127.0.0.1, path-style, the two object calls the backup makes: PUT (a plain body, or the SDK's
/// aws-chunked body with a trailing checksum) and GET (404 NoSuchKey when absent). Objects are kept
/// by "bucket/key"; <see cref="Puts"/> counts writes.
/// </summary>
internal sealed class LoopbackS3 : LoopbackHttpServer
{
    public LoopbackS3() => Start();

    public ConcurrentDictionary<string, byte[]> Objects { get; } = new(StringComparer.Ordinal);

    public int Puts => _puts;

    /// <summary>The Content-Type each object was put with.</summary>
    public ConcurrentDictionary<string, string> ContentTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>Answer every call 403 AccessDenied (a bucket policy that refuses).</summary>
    public bool Refuse { get; set; }

    private int _puts;

    protected override Task HandleAsync(HttpListenerContext context, string body) => throw new NotSupportedException("S3 bodies are bytes");

    protected override async Task HandleBytesAsync(HttpListenerContext context, byte[] body)
    {
        var key = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath.TrimStart('/'));
        if (Refuse)
        {
            await WriteBytesAsync(context.Response, HttpStatusCode.Forbidden, "application/xml", Encoding.UTF8.GetBytes("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")).ConfigureAwait(false);
            return;
        }

        switch (context.Request.HttpMethod)
        {
            case "PUT":
                var streaming = (context.Request.Headers["x-amz-content-sha256"] ?? string.Empty).StartsWith("STREAMING-", StringComparison.Ordinal)
                    || (context.Request.Headers["Content-Encoding"] ?? string.Empty).Contains("aws-chunked", StringComparison.Ordinal);
                Objects[key] = streaming ? Dechunk(body) : body;
                ContentTypes[key] = context.Request.ContentType ?? string.Empty;
                Interlocked.Increment(ref _puts);
                context.Response.Headers["ETag"] = ETag(Objects[key]);
                await WriteBytesAsync(context.Response, HttpStatusCode.OK, "application/xml", []).ConfigureAwait(false);
                return;
            case "GET" when Objects.TryGetValue(key, out var content):
                context.Response.Headers["ETag"] = ETag(content);
                await WriteBytesAsync(context.Response, HttpStatusCode.OK, "application/octet-stream", content).ConfigureAwait(false);
                return;
            case "GET":
            case "HEAD":
                await WriteBytesAsync(context.Response, HttpStatusCode.NotFound, "application/xml", Encoding.UTF8.GetBytes($"<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>{key}</Key></Error>")).ConfigureAwait(false);
                return;
            default:
                await WriteBytesAsync(context.Response, HttpStatusCode.MethodNotAllowed, "application/xml", Encoding.UTF8.GetBytes("<Error><Code>MethodNotAllowed</Code></Error>")).ConfigureAwait(false);
                return;
        }
    }

    /// <summary>S3's ETag of a single-part object: the hex MD5 of its bytes, quoted (the SDK reads it as hex).</summary>
#pragma warning disable CA5351 // S3's ETag is MD5 by definition; nothing here relies on it for security.
    private static string ETag(byte[] content) => "\"" + Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(content)) + "\"";
#pragma warning restore CA5351

    /// <summary>The data of an aws-chunked body: "&lt;hex size&gt;[;ext]\r\n&lt;data&gt;\r\n" until a zero-size chunk (trailers after it are ignored).</summary>
    private static byte[] Dechunk(byte[] body)
    {
        using var data = new MemoryStream();
        var at = 0;
        while (at < body.Length)
        {
            var lineEnd = IndexOf(body, at);
            var header = Encoding.ASCII.GetString(body, at, lineEnd - at);
            var size = int.Parse(header.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            at = lineEnd + 2;
            if (size == 0)
            {
                break;
            }

            data.Write(body, at, size);
            at += size + 2;
        }

        return data.ToArray();
    }

    private static int IndexOf(byte[] body, int from)
    {
        for (var i = from; i + 1 < body.Length; i++)
        {
            if (body[i] == '\r' && body[i + 1] == '\n')
            {
                return i;
            }
        }

        throw new InvalidDataException("an aws-chunked body without a line end");
    }
}
