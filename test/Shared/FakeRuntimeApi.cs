using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace IdentityStack.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking the Lambda Runtime API: hands out queued events, records
/// what the runtime posts, and answers "next" with 500 once the queue is empty, so the runtime exits.
/// </summary>
internal sealed class FakeRuntimeApi : LoopbackHttpServer
{
    private const string Json = "application/json";
    private readonly ConcurrentQueue<QueuedEvent> _events = new();

    public FakeRuntimeApi() => Start();

    /// <summary>Status returned to "POST response" (202 unless a test says otherwise).</summary>
    public HttpStatusCode ResponseStatus { get; set; } = HttpStatusCode.Accepted;

    /// <summary>Status returned to "GET next" while events are queued (200 unless a test says otherwise).</summary>
    public HttpStatusCode NextStatus { get; set; } = HttpStatusCode.OK;

    public ConcurrentQueue<PostedResult> Posted { get; } = new();

    /// <summary>Called as each result arrives, before it is answered (benchmarks timestamp and sample the process here).</summary>
    public Action<PostedResult>? OnPosted { get; set; }

    /// <summary>
    /// Starts <paramref name="start"/> against this API (its address set, output captured) and waits
    /// for it to exit; one that has not within <paramref name="timeout"/> is killed and a
    /// <see cref="TimeoutException"/> thrown. <paramref name="onPosted"/> gets the process id as each
    /// result arrives, before it is answered, to sample the live process: it waits for Process.Start
    /// to return first, since a fast runtime posts before then.
    /// </summary>
    public async Task<ProcessRun> RunAsync(ProcessStartInfo start, Action<int>? onPosted, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = HostAndPort;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (onPosted is not null)
        {
            OnPosted = _ => onPosted(started.Task.GetAwaiter().GetResult());
        }

        using var process = Process.Start(start)!;
        started.SetResult(process.Id);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException timedOut)
        {
            process.Kill(entireProcessTree: true);
            var error = await stderr.ConfigureAwait(false);
            throw new TimeoutException($"{start.FileName} did not exit within {timeout.TotalSeconds:0} s; stderr ends: {ProcessRun.Tail(error)}", timedOut);
        }

        return new ProcessRun(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    public void Enqueue(string requestId, string body, string? traceId = null, long? deadlineMs = null) =>
        _events.Enqueue(new QueuedEvent(requestId, body, traceId, deadlineMs ?? DateTimeOffset.UtcNow.AddSeconds(5).ToUnixTimeMilliseconds()));

    protected override async Task HandleAsync(HttpListenerContext context, string body)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Url!.AbsolutePath;

        if (string.Equals(request.HttpMethod, "GET", StringComparison.Ordinal) && string.Equals(path, "/2018-06-01/runtime/invocation/next", StringComparison.Ordinal))
        {
            if (!_events.TryDequeue(out var next))
            {
                await WriteAsync(response, HttpStatusCode.InternalServerError, Json, """{"errorMessage":"no more events","errorType":"Test.Done"}""").ConfigureAwait(false);
                return;
            }

            response.Headers["Lambda-Runtime-Aws-Request-Id"] = next.RequestId;
            response.Headers["Lambda-Runtime-Deadline-Ms"] = next.DeadlineMs.ToString(CultureInfo.InvariantCulture);
            response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:eu-west-1:123456789012:function:test";
            if (next.TraceId is not null)
            {
                response.Headers["Lambda-Runtime-Trace-Id"] = next.TraceId;
            }

            await WriteAsync(response, NextStatus, Json, next.Body).ConfigureAwait(false);
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
        var posted = new PostedResult(kind, requestId, body, request.Headers["Lambda-Runtime-Function-Error-Type"]) { PostedAt = DateTimeOffset.UtcNow };
        OnPosted?.Invoke(posted);
        Posted.Enqueue(posted);
        var status = kind == ResultKind.Response ? ResponseStatus : HttpStatusCode.Accepted;
        await WriteAsync(response, kind == ResultKind.Unknown ? HttpStatusCode.NotFound : status, Json, """{"status":"OK"}""").ConfigureAwait(false);
    }

    private sealed record QueuedEvent(string RequestId, string Body, string? TraceId, long DeadlineMs);
}

/// <summary>How a process run against the fake API ended.</summary>
internal sealed record ProcessRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The end of a long output (its last 2,000 characters), for a message.</summary>
    public static string Tail(string text) => text.Length <= 2000 ? text : "..." + text[^2000..];
}

internal enum ResultKind
{
    Response,
    InvocationError,
    InitError,
    Unknown,
}

internal sealed record PostedResult(ResultKind Kind, string? RequestId, string Body, string? ErrorTypeHeader)
{
    /// <summary>When the result reached the API (to compare with the invocation's deadline).</summary>
    public DateTimeOffset PostedAt { get; init; }
}
