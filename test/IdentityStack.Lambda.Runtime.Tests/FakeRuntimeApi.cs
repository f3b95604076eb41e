using IdentityStack.Testing;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IdentityStack.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking the Lambda Runtime API: hands out queued events, records
/// what the runtime posts, and answers "next" with 500 once the queue is empty, so the runtime exits.
/// </summary>
internal sealed class FakeRuntimeApi : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<QueuedEvent> _events = new();
    private readonly Task _serving;

    public FakeRuntimeApi()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string HostAndPort => $"127.0.0.1:{Port}";

    /// <summary>Status returned to "POST response" (202 unless a test says otherwise).</summary>
    public HttpStatusCode ResponseStatus { get; set; } = HttpStatusCode.Accepted;

    /// <summary>Status returned to "GET next" while events are queued (200 unless a test says otherwise).</summary>
    public HttpStatusCode NextStatus { get; set; } = HttpStatusCode.OK;

    public ConcurrentQueue<PostedResult> Posted { get; } = new();

    /// <summary>Called as each result arrives, before it is answered (benchmarks timestamp and sample the process here).</summary>
    public Action<PostedResult>? OnPosted { get; set; }

    public void Enqueue(string requestId, string body, string? traceId = null, long? deadlineMs = null) =>
        _events.Enqueue(new QueuedEvent(requestId, body, traceId, deadlineMs ?? DateTimeOffset.UtcNow.AddSeconds(5).ToUnixTimeMilliseconds()));

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving.ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await HandleAsync(context).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Url!.AbsolutePath;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync().ConfigureAwait(false);

        if (string.Equals(request.HttpMethod, "GET", StringComparison.Ordinal) && string.Equals(path, "/2018-06-01/runtime/invocation/next", StringComparison.Ordinal))
        {
            if (!_events.TryDequeue(out var next))
            {
                await WriteAsync(response, HttpStatusCode.InternalServerError, """{"errorMessage":"no more events","errorType":"Test.Done"}""").ConfigureAwait(false);
                return;
            }

            response.Headers["Lambda-Runtime-Aws-Request-Id"] = next.RequestId;
            response.Headers["Lambda-Runtime-Deadline-Ms"] = next.DeadlineMs.ToString(CultureInfo.InvariantCulture);
            response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:eu-west-1:123456789012:function:test";
            if (next.TraceId is not null)
            {
                response.Headers["Lambda-Runtime-Trace-Id"] = next.TraceId;
            }

            await WriteAsync(response, NextStatus, next.Body).ConfigureAwait(false);
            return;
        }

        var kind = path switch
        {
            "/2018-06-01/runtime/init/error" => ResultKind.InitError,
            _ when path.EndsWith("/response", StringComparison.Ordinal) => ResultKind.Response,
            _ when path.EndsWith("/error", StringComparison.Ordinal) => ResultKind.InvocationError,
            _ => ResultKind.Unknown,
        };
        var segments = path.Split('/');
        var requestId = kind is ResultKind.Response or ResultKind.InvocationError ? segments[^2] : null;
        var posted = new PostedResult(kind, requestId, body, request.Headers["Lambda-Runtime-Function-Error-Type"]);
        OnPosted?.Invoke(posted);
        Posted.Enqueue(posted);
        var status = kind == ResultKind.Response ? ResponseStatus : HttpStatusCode.Accepted;
        await WriteAsync(response, kind == ResultKind.Unknown ? HttpStatusCode.NotFound : status, """{"status":"OK"}""").ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpListenerResponse response, HttpStatusCode status, string body)
    {
        response.StatusCode = (int)status;
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        response.Close();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private sealed record QueuedEvent(string RequestId, string Body, string? TraceId, long DeadlineMs);
}

internal enum ResultKind
{
    Response,
    InvocationError,
    InitError,
    Unknown,
}

internal sealed record PostedResult(ResultKind Kind, string? RequestId, string Body, string? ErrorTypeHeader);
