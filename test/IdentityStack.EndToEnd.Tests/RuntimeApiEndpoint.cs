using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Threading.Channels;
using IdentityStack.Testing;

namespace IdentityStack.EndToEnd.Tests;

/// <summary>
/// The Lambda Runtime API for one function's bootstrap process, as Lambda serves it: "next" waits
/// until an invocation arrives, and each posted response or error completes that invocation.
/// </summary>
internal sealed class RuntimeApiEndpoint : LoopbackHttpServer
{
    private const string Json = "application/json";
    private readonly Channel<(string RequestId, string Body)> _pending = Channel.CreateUnbounded<(string, string)>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<InvocationResult>> _waiting = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    private readonly TimeSpan _limit;

    /// <summary>An endpoint whose invocations each get <paramref name="limit"/> (the function's time limit) until their deadline.</summary>
    public RuntimeApiEndpoint(TimeSpan limit)
    {
        _limit = limit;
        Start();
    }

    /// <summary>The init error the process reported, if it failed to start.</summary>
    public string? InitError { get; private set; }

    public async Task<InvocationResult> InvokeAsync(string body, TimeSpan timeout)
    {
        var requestId = Guid.NewGuid().ToString();
        var result = new TaskCompletionSource<InvocationResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[requestId] = result;
        await _pending.Writer.WriteAsync((requestId, body)).ConfigureAwait(false);
        return await result.Task.WaitAsync(timeout).ConfigureAwait(false);
    }

    public void Stop()
    {
        _stopping.Cancel();
        _pending.Writer.TryComplete();
    }

    protected override async Task HandleAsync(HttpListenerContext context, string body)
    {
        var path = context.Request.Url!.AbsolutePath;
        if (path.EndsWith("/runtime/invocation/next", StringComparison.Ordinal))
        {
            (string RequestId, string Body) next;
            try
            {
                next = await _pending.Reader.ReadAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (error is OperationCanceledException or ChannelClosedException)
            {
                // The host is stopping and has killed the process: nobody is left to answer.
                context.Response.Abort();
                return;
            }

            context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = next.RequestId;
            context.Response.Headers["Lambda-Runtime-Deadline-Ms"] = DateTimeOffset.UtcNow.Add(_limit).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:eu-west-1:000000000000:function:local";
            await WriteAsync(context.Response, HttpStatusCode.OK, Json, next.Body).ConfigureAwait(false);
            return;
        }

        if (path.EndsWith("/runtime/init/error", StringComparison.Ordinal))
        {
            InitError = body;
            foreach (var waiting in _waiting.Values)
            {
                waiting.TrySetResult(new InvocationResult(true, body, context.Request.Headers["Lambda-Runtime-Function-Error-Type"]));
            }
        }
        else
        {
            var segments = path.Split('/');
            var isError = path.EndsWith("/error", StringComparison.Ordinal);
            if (segments.Length >= 2 && _waiting.TryRemove(segments[^2], out var waiting))
            {
                waiting.TrySetResult(new InvocationResult(isError, body, isError ? context.Request.Headers["Lambda-Runtime-Function-Error-Type"] : null));
            }
        }

        await WriteAsync(context.Response, HttpStatusCode.Accepted, Json, """{"status":"OK"}""").ConfigureAwait(false);
    }
}
