using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IdentityStack.Lambda.Runtime;

/// <summary>
/// The one HTTP/1.1 connection a runtime keeps to the Lambda Runtime API, without HttpClient (whose
/// first request costs more than the rest of a small function's start): requests go out with a
/// Content-Length; answers are read with Content-Length, chunked, or until the server closes. The
/// connection is kept alive; one that the server closed while idle is reopened once for the next
/// request, before any of its answer was read, so a request is never sent twice after it was answered.
/// Every failure of the exchange itself (refused, reset, cut off, malformed) is an
/// <see cref="HttpRequestException"/>, which the bootstrap treats as an unreachable API.
/// <para>
/// The calls block. A runtime handles one invocation at a time and has nothing else to do while it
/// waits for the API, and blocking socket calls spare the cold start the thread pool, whose threads
/// the first asynchronous socket call starts (half a millisecond or more of the first response,
/// ./build.sh bench). Cancelling the token closes the socket, which ends a blocked call; the call
/// then throws <see cref="OperationCanceledException"/>.
/// </para>
/// </summary>
internal sealed class RuntimeApiConnection : IDisposable
{
    /// <summary>The largest status line plus headers accepted (the Runtime API sends a few hundred bytes).</summary>
    internal const int MaxHeaderBytes = 64 * 1024;

    /// <summary>The largest body accepted: Lambda's 6 MB synchronous payload with room to spare.</summary>
    internal const int MaxBodyBytes = 32 * 1024 * 1024;

    private readonly string _host;
    private readonly int _port;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private Socket? _socket;
    private int _start;
    private int _end;

    public RuntimeApiConnection(string hostAndPort)
    {
        (_host, _port) = Parse(hostAndPort);
        HostHeader = hostAndPort;
    }

    private string HostHeader { get; }

    /// <summary>Sends one request and reads its answer whole, blocking until it has.</summary>
    public RuntimeApiAnswer Send(string method, string path, ReadOnlyMemory<byte> body, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var request = Request(method, path, body, headers);
        var reused = _socket is not null;
        using var abort = cancellationToken.CanBeCanceled ? cancellationToken.Register(static c => ((RuntimeApiConnection)c!).Abort(), this) : default;
        try
        {
            try
            {
                return Exchange(request);
            }
            catch (StaleConnectionException) when (reused && !cancellationToken.IsCancellationRequested)
            {
                // The server closed the idle connection: nothing of this request was answered, send it again.
                Close();
                return Exchange(request);
            }
        }
        catch (Exception error) when (cancellationToken.IsCancellationRequested && error is not OperationCanceledException)
        {
            // Closed by the token: part of an answer may be unread, the connection is gone either way.
            Close();
            throw new OperationCanceledException($"Lambda Runtime API {method} {path} was cancelled.", error, cancellationToken);
        }
        catch (Exception error) when (error is StaleConnectionException or SocketException or ObjectDisposedException)
        {
            Close();
            throw new HttpRequestException($"Lambda Runtime API {method} {path}: {(error is StaleConnectionException ? "the connection closed before an answer" : error.Message)}", error);
        }
        catch (HttpRequestException)
        {
            // Part of an answer may be unread: the connection cannot carry another request.
            Close();
            throw;
        }
    }

    public void Dispose() => Close();

    private RuntimeApiAnswer Exchange(byte[] request)
    {
        var socket = _socket ?? Connect();
        try
        {
            socket.Send(request, SocketFlags.None);
        }
        catch (SocketException error)
        {
            throw new StaleConnectionException(error);
        }

        var answer = ReadAnswer();
        if (!answer.KeepAlive)
        {
            Close();
        }

        return answer;
    }

    private Socket Connect()
    {
        // Lambda gives an address (127.0.0.1:9001): a socket of its family, no name lookup and no
        // dual-mode socket (whose creation probes the system's IPv6 support). A name still works.
        EndPoint endPoint = IPAddress.TryParse(_host, out var address) ? new IPEndPoint(address, _port) : new DnsEndPoint(_host, _port);
        // Held before connecting, so that cancelling can close it while the connect blocks.
        var socket = _socket = address is null
            ? new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true }
            : new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _start = _end = 0;
        socket.Connect(endPoint);
        return socket;
    }

    /// <summary>Closes the socket from the token's callback: a call blocked on it returns with an error.</summary>
    private void Abort() => Volatile.Read(ref _socket)?.Dispose();

    private byte[] Request(string method, string path, ReadOnlyMemory<byte> body, IEnumerable<KeyValuePair<string, string>> headers)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{method} {path} HTTP/1.1\r\nHost: {HostHeader}\r\nContent-Length: {body.Length}\r\n");
        foreach (var (name, value) in headers)
        {
            if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new ArgumentException($"The {name} header value has a line break.", nameof(headers));
            }

            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        var headBytes = Encoding.ASCII.GetBytes(head.Append("\r\n").ToString());
        var request = new byte[headBytes.Length + body.Length];
        headBytes.CopyTo(request, 0);
        body.Span.CopyTo(request.AsSpan(headBytes.Length));
        return request;
    }

    private RuntimeApiAnswer ReadAnswer()
    {
        var statusLine = ReadLine(firstOfAnswer: true);
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new HttpRequestException($"Lambda Runtime API answered with a malformed status line: {Shorten(statusLine)}");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var headerBytes = statusLine.Length;
        for (var line = ReadLine(false); line.Length > 0; line = ReadLine(false))
        {
            headerBytes += line.Length + 2;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || headerBytes > MaxHeaderBytes)
            {
                throw new HttpRequestException($"Lambda Runtime API answered with a malformed or oversized header: {Shorten(line)}");
            }

            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var http10 = string.Equals(parts[0], "HTTP/1.0", StringComparison.Ordinal);
        var connection = headers.GetValueOrDefault("Connection");
        var close = string.Equals(connection, "close", StringComparison.OrdinalIgnoreCase) || (http10 && !string.Equals(connection, "keep-alive", StringComparison.OrdinalIgnoreCase));
        byte[] body;
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = ReadChunked();
        }
        else if (headers.TryGetValue("Content-Length", out var length))
        {
            if (!int.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > MaxBodyBytes)
            {
                throw new HttpRequestException($"Lambda Runtime API answered with Content-Length '{Shorten(length)}'.");
            }

            body = ReadExactly(count);
        }
        else
        {
            body = status is 204 or 304 || (status >= 100 && status < 200) ? [] : ReadToEnd();
            close = close || body.Length > 0 || status is not (204 or 304);
        }

        return new RuntimeApiAnswer((HttpStatusCode)status, headers, body, KeepAlive: !close);
    }

    private byte[] ReadChunked()
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = ReadLine(false);
            var size = sizeLine.Split(';', 2)[0].Trim();
            if (!int.TryParse(size, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var count) || count < 0 || body.Length + count > MaxBodyBytes)
            {
                throw new HttpRequestException($"Lambda Runtime API answered with a malformed chunk size '{Shorten(sizeLine)}'.");
            }

            if (count == 0)
            {
                // Trailers, if any, end with an empty line.
                while ((ReadLine(false)).Length > 0)
                {
                }

                return body.ToArray();
            }

            body.Write(ReadExactly(count));
            if ((ReadLine(false)).Length != 0)
            {
                throw new HttpRequestException("Lambda Runtime API answered with a chunk that does not end in CRLF.");
            }
        }
    }

    private string ReadLine(bool firstOfAnswer)
    {
        var line = new List<byte>();
        while (true)
        {
            var crlf = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (crlf >= 0)
            {
                line.AddRange(_buffer.AsSpan(_start, crlf).ToArray());
                _start += crlf + 2;
                return Encoding.ASCII.GetString([.. line]);
            }

            // Keep a trailing CR: it may start the CRLF the next read completes.
            var keep = _end > _start && _buffer[_end - 1] == '\r' ? 1 : 0;
            line.AddRange(_buffer.AsSpan(_start, _end - _start - keep).ToArray());
            _start = _end - keep;
            if (line.Count > MaxHeaderBytes)
            {
                throw new HttpRequestException("Lambda Runtime API answered with a line longer than 64 KB.");
            }

            if (Fill() == 0)
            {
                if (firstOfAnswer && line.Count == 0 && keep == 0)
                {
                    throw new StaleConnectionException(null);
                }

                throw new HttpRequestException("Lambda Runtime API closed the connection in the middle of an answer.");
            }
        }
    }

    private byte[] ReadExactly(int count)
    {
        var result = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            if (_start == _end && Fill() == 0)
            {
                throw new HttpRequestException($"Lambda Runtime API closed the connection after {filled} of {count} body bytes.");
            }

            var take = Math.Min(count - filled, _end - _start);
            _buffer.AsSpan(_start, take).CopyTo(result.AsSpan(filled));
            _start += take;
            filled += take;
        }

        return result;
    }

    private byte[] ReadToEnd()
    {
        using var body = new MemoryStream();
        do
        {
            body.Write(_buffer, _start, _end - _start);
            _start = _end;
            if (body.Length > MaxBodyBytes)
            {
                throw new HttpRequestException("Lambda Runtime API answered with a body larger than 32 MB.");
            }
        }
        while (Fill() > 0);

        return body.ToArray();
    }

    /// <summary>Reads more bytes into the buffer (moving what is left to its start); 0 when the server closed.</summary>
    private int Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        try
        {
            var read = _socket!.Receive(_buffer.AsSpan(_end), SocketFlags.None);
            _end += read;
            return read;
        }
        catch (SocketException error) when (error.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
        {
            return 0;
        }
    }

    private void Close()
    {
        _socket?.Dispose();
        _socket = null;
        _start = _end = 0;
    }

    private static (string Host, int Port) Parse(string hostAndPort)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostAndPort);
        var colon = hostAndPort.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(hostAndPort.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"'{Shorten(hostAndPort)}' is not host:port, e.g. 127.0.0.1:9001.", nameof(hostAndPort));
        }

        return (hostAndPort[..colon].Trim('[', ']'), port);
    }

    private static string Shorten(string value) => value.Length <= 120 ? value : value[..120] + "...";

    /// <summary>A kept-alive connection the server had closed: nothing of the answer arrived.</summary>
    private sealed class StaleConnectionException(Exception? inner) : Exception("The Runtime API connection was closed while idle.", inner);
}
