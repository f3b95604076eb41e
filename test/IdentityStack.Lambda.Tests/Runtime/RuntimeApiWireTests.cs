using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using IdentityStack.Lambda.Runtime;

namespace IdentityStack.Lambda.Tests.Runtime;

/// <summary>
/// The socket client's HTTP/1.1 against a server that answers byte for byte what each test scripts:
/// kept-alive connections, Content-Length, chunked and close-delimited bodies, error statuses, the
/// error-type header, reconnecting to a server that closed an idle connection, and broken answers.
/// </summary>
public sealed class RuntimeApiWireTests
{
    private const string NextHeaders = "Lambda-Runtime-Aws-Request-Id: req-1\r\nLambda-Runtime-Deadline-Ms: 1700000000000\r\nLambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:eu-west-1:111122223333:function:f\r\n";

    /// <summary>One request as the server read it, and on which connection (1 = the first accepted).</summary>
    private sealed record Received(int Connection, string RequestLine, Dictionary<string, string> Headers, string Body);

    /// <summary>A TCP server that reads HTTP/1.1 requests and writes the scripted answer to each; close after it when told.</summary>
    private sealed class ScriptedServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Func<Received, (string Answer, bool Close)> _script;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _accepting;
        private int _connections;

        public ScriptedServer(Func<Received, (string Answer, bool Close)> script)
        {
            _script = script;
            _listener.Start();
            _accepting = AcceptAsync();
        }

        public ConcurrentQueue<Received> Requests { get; } = new();

        public string HostAndPort => "127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = ServeAsync(client, Interlocked.Increment(ref _connections));
            }
        }

        private async Task ServeAsync(TcpClient client, int connection)
        {
            using (client)
            {
                var stream = client.GetStream();
                var reader = new StreamReader(stream, Encoding.ASCII);
                while (await reader.ReadLineAsync(_stop.Token) is { Length: > 0 } requestLine)
                {
                    var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    for (var line = await reader.ReadLineAsync(_stop.Token); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync(_stop.Token))
                    {
                        headers[line[..line.IndexOf(':', StringComparison.Ordinal)]] = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                    }

                    var body = new char[int.Parse(headers.GetValueOrDefault("Content-Length", "0"), System.Globalization.CultureInfo.InvariantCulture)];
                    if (body.Length > 0)
                    {
                        // An empty read would wait for bytes that never come.
                        await reader.ReadBlockAsync(body, _stop.Token);
                    }

                    var received = new Received(connection, requestLine, headers, new string(body));
                    Requests.Enqueue(received);
                    var (answer, close) = _script(received);
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), _stop.Token);
                    if (close)
                    {
                        return;
                    }
                }
            }
        }
    }

    private static string Next(string body = """{"a":1}""") => $"HTTP/1.1 200 OK\r\n{NextHeaders}Content-Length: {body.Length}\r\n\r\n{body}";

    private const string Accepted = "HTTP/1.1 202 Accepted\r\nContent-Length: 16\r\n\r\n{\"status\":\"OK\"}\n";

    [Fact]
    public async Task Requests_share_one_kept_alive_connection_and_post_with_a_content_length()
    {
        await using var server = new ScriptedServer(r => (r.RequestLine.StartsWith("GET", StringComparison.Ordinal) ? Next() : Accepted, false));
        using var client = new LambdaRuntimeApiClient(server.HostAndPort);

        var invocation = await client.GetNextInvocationAsync(CancellationToken.None);
        await client.PostResponseAsync(invocation.RequestId, Encoding.UTF8.GetBytes("""{"ok":true}"""), CancellationToken.None);
        await client.GetNextInvocationAsync(CancellationToken.None);

        var requests = server.Requests.ToArray();
        Assert.Equal(["GET /2018-06-01/runtime/invocation/next HTTP/1.1", "POST /2018-06-01/runtime/invocation/req-1/response HTTP/1.1", "GET /2018-06-01/runtime/invocation/next HTTP/1.1"], requests.Select(r => r.RequestLine));
        Assert.All(requests, r => Assert.Equal(1, r.Connection));
        Assert.Equal("""{"ok":true}""", requests[1].Body);
        Assert.Equal("11", requests[1].Headers["Content-Length"]);
        Assert.Equal("application/json", requests[1].Headers["Content-Type"]);
        Assert.Equal(server.HostAndPort, requests[0].Headers["Host"]);
        Assert.Equal("req-1", invocation.RequestId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), invocation.Deadline);
        Assert.Equal("""{"a":1}""", Encoding.UTF8.GetString(invocation.Payload.Span));
    }

    [Fact]
    public async Task Every_call_has_completed_when_it_returns_so_an_invocation_needs_no_thread_pool()
    {
        await using var server = new ScriptedServer(r => (r.RequestLine.StartsWith("GET", StringComparison.Ordinal) ? Next() : Accepted, false));
        using var client = new LambdaRuntimeApiClient(server.HostAndPort);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var next = client.GetNextInvocationAsync(CancellationToken.None);
        var response = client.PostResponseAsync("req-1", "{}"u8.ToArray(), CancellationToken.None);
        var error = client.PostInvocationErrorAsync("req-1", new LambdaError("boom", "InvalidOperationException", []), CancellationToken.None);
        var refused = client.GetNextInvocationAsync(cancelled.Token);

        Assert.True(next.IsCompletedSuccessfully, next.Status.ToString());
        Assert.True(response.IsCompletedSuccessfully, response.Status.ToString());
        Assert.True(error.IsCompletedSuccessfully, error.Status.ToString());
        Assert.True(refused.IsCanceled, refused.Status.ToString());
        Assert.Equal("req-1", (await next).RequestId);
    }

    [Fact]
    public async Task A_host_name_is_looked_up_as_well_as_an_address_is_used_directly()
    {
        await using var server = new ScriptedServer(r => (r.RequestLine.StartsWith("GET", StringComparison.Ordinal) ? Next() : Accepted, false));
        var port = server.HostAndPort.Split(':')[1];
        using var byName = new LambdaRuntimeApiClient("localhost:" + port);
        using var byAddress = new LambdaRuntimeApiClient("127.0.0.1:" + port);

        Assert.Equal("req-1", (await byName.GetNextInvocationAsync(CancellationToken.None)).RequestId);
        Assert.Equal("req-1", (await byAddress.GetNextInvocationAsync(CancellationToken.None)).RequestId);
        Assert.Equal([1, 2], server.Requests.Select(r => r.Connection));
    }

    [Fact]
    public async Task A_chunked_event_is_read_whole_with_its_extensions_and_trailers()
    {
        const string Chunked = "HTTP/1.1 200 OK\r\n" + NextHeaders + "Transfer-Encoding: chunked\r\n\r\n4;ext=1\r\n{\"a\"\r\n3\r\n:12\r\n1\r\n}\r\n0\r\nX-Trailer: t\r\n\r\n";
        await using var server = new ScriptedServer(_ => (Chunked, false));
        using var client = new LambdaRuntimeApiClient(server.HostAndPort);

        var first = await client.GetNextInvocationAsync(CancellationToken.None);
        var second = await client.GetNextInvocationAsync(CancellationToken.None);

        Assert.Equal("""{"a":12}""", Encoding.UTF8.GetString(first.Payload.Span));
        Assert.Equal("""{"a":12}""", Encoding.UTF8.GetString(second.Payload.Span));
        Assert.All(server.Requests, r => Assert.Equal(1, r.Connection));
    }

    [Fact]
    public async Task A_body_without_length_ends_with_the_connection_and_the_next_request_reconnects()
    {
        await using var server = new ScriptedServer(r => r.Connection == 1
            ? ($"HTTP/1.1 200 OK\r\n{NextHeaders}Connection: close\r\n\r\n{{\"closed\":true}}", true)
            : (Next(), false));
        using var client = new LambdaRuntimeApiClient(server.HostAndPort);

        var first = await client.GetNextInvocationAsync(CancellationToken.None);
        var second = await client.GetNextInvocationAsync(CancellationToken.None);

        Assert.Equal("""{"closed":true}""", Encoding.UTF8.GetString(first.Payload.Span));
        Assert.Equal("""{"a":1}""", Encoding.UTF8.GetString(second.Payload.Span));
        Assert.Equal([1, 2], server.Requests.Select(r => r.Connection));
    }

    [Fact]
    public async Task An_idle_connection_the_server_closed_is_reopened_and_the_request_sent_once()
    {
        // The server answers the first request, then closes the connection while the client is idle.
        await using var server = new ScriptedServer(r => (Next(), r.Connection == 1));
        using var client = new LambdaRuntimeApiClient(server.HostAndPort);

        await client.GetNextInvocationAsync(CancellationToken.None);
        await Task.Delay(100);
        await client.PostResponseAsync("req-1", "{}"u8.ToArray(), CancellationToken.None);

        var posts = server.Requests.Where(r => r.RequestLine.StartsWith("POST", StringComparison.Ordinal)).ToList();
        Assert.Single(posts);
        Assert.Equal(2, posts[0].Connection);
    }

    [Fact]
    public async Task A_cancelled_wait_drops_the_connection_so_the_next_request_does_not_read_a_stale_answer()
    {
        // Connection 1 never answers; a later answer on it would belong to the cancelled request.
        await using var server = new ScriptedServer(r => (r.Connection == 1 ? string.Empty : Next(), false));
        using var client = new LambdaRuntimeApiClient(server.HostAndPort);
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetNextInvocationAsync(soon.Token));
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var next = await client.GetNextInvocationAsync(bounded.Token);

        Assert.Equal("req-1", next.RequestId);
        Assert.Equal([1, 2], server.Requests.Select(r => r.Connection));
    }

    [Fact]
    public async Task An_error_is_posted_with_its_type_header_and_an_error_status_names_the_call()
    {
        await using var server = new ScriptedServer(r => r.RequestLine.Contains("/error", StringComparison.Ordinal)
            ? ("HTTP/1.1 413 Payload Too Large\r\nContent-Length: 9\r\n\r\ntoo large", false)
            : (Accepted, false));
        using var client = new LambdaRuntimeApiClient(server.HostAndPort);

        var refused = await Assert.ThrowsAsync<RuntimeApiException>(() =>
            client.PostInvocationErrorAsync("req-1", new LambdaError("boom", "InvalidOperationException", []), CancellationToken.None));
        await client.PostInvocationErrorAsync("req-2", new LambdaError("bad", "Type\r\nX-Injected: 1", []), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);

        var requests = server.Requests.ToArray();
        Assert.Equal("InvalidOperationException", requests[0].Headers["Lambda-Runtime-Function-Error-Type"]);
        Assert.Contains("\"errorMessage\":\"boom\"", requests[0].Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("Lambda Runtime API POST invocation error answered 413 RequestEntityTooLarge: too large", refused.Message);
        // A type that is not one header line is not sent as a header (the body still carries it).
        Assert.False(requests[1].Headers.ContainsKey("Lambda-Runtime-Function-Error-Type"));
        Assert.False(requests[1].Headers.ContainsKey("X-Injected"));
    }

    [Fact]
    public async Task A_500_is_fatal_for_the_loop()
    {
        await using var server = new ScriptedServer(_ => ("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n", false));
        using var client = new LambdaRuntimeApiClient(server.HostAndPort);

        var failed = await Assert.ThrowsAsync<RuntimeApiException>(() => client.GetNextInvocationAsync(CancellationToken.None));

        Assert.True(failed.IsFatal);
    }

    public static TheoryData<string, string> BrokenAnswers => new()
    {
        { "SMTP ready\r\n\r\n", "malformed status line" },
        { "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "malformed or oversized header" },
        { "HTTP/1.1 200 OK\r\n" + NextHeaders + "Content-Length: 50\r\n\r\n{\"short\":1}", "closed the connection after 11 of 50 body bytes" },
        { "HTTP/1.1 200 OK\r\n" + NextHeaders + "Content-Length: -5\r\n\r\n", "Content-Length '-5'" },
        { "HTTP/1.1 200 OK\r\n" + NextHeaders + "Transfer-Encoding: chunked\r\n\r\nzz\r\n", "malformed chunk size 'zz'" },
        { "HTTP/1.1 200 OK\r\nContent-Le", "closed the connection in the middle of an answer" },
    };

    [Theory]
    [MemberData(nameof(BrokenAnswers))]
    public async Task A_broken_answer_is_an_unreachable_api_naming_what_was_wrong(string answer, string message)
    {
        await using var server = new ScriptedServer(_ => (answer, true));
        using var client = new LambdaRuntimeApiClient(server.HostAndPort);

        var failed = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetNextInvocationAsync(CancellationToken.None));

        Assert.Contains(message, failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_an_unreachable_api()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var client = new LambdaRuntimeApiClient("127.0.0.1:" + port);

        var failed = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetNextInvocationAsync(CancellationToken.None));

        Assert.StartsWith("Lambda Runtime API GET /2018-06-01/runtime/invocation/next:", failed.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-port")]
    [InlineData("127.0.0.1:99999")]
    [InlineData("127.0.0.1:")]
    public void A_value_that_is_not_host_and_port_is_refused_naming_it(string hostAndPort)
    {
        var refused = Assert.Throws<ArgumentException>(() => new LambdaRuntimeApiClient(hostAndPort));

        Assert.Contains($"'{hostAndPort}' is not host:port", refused.Message, StringComparison.Ordinal);
    }
}
