using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using IdentityStack.Testing;

namespace IdentityStack.EndToEnd.Tests;

/// <summary>
/// Serves the Lambda Invoke API (<c>POST /2015-03-31/functions/{name}/invocations</c>, what
/// cognito-local calls) on 127.0.0.1 and runs each function as the real Native AOT bootstrap,
/// one process per function started on first use, fed through its own Runtime API endpoint.
/// Errors come back as Lambda returns them: 200 with <c>X-Amz-Function-Error: Unhandled</c>.
/// Disposing stops every process and port.
/// </summary>
internal sealed class LambdaHost : LoopbackHttpServer
{
    private const string InvocationsPrefix = "/2015-03-31/functions/";
    private static readonly TimeSpan InvocationTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxInvocationWait = TimeSpan.FromMinutes(1);
    private readonly string _bootstrap;
    private readonly Dictionary<string, LambdaFunctionDefinition> _functions;
    private readonly Dictionary<string, (RuntimeApiEndpoint Api, Process Process)> _running = new(StringComparer.Ordinal);

    public LambdaHost(string bootstrap, IEnumerable<LambdaFunctionDefinition> functions)
    {
        _bootstrap = bootstrap;
        _functions = functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
        Start();
    }

    /// <summary>Every invocation so far, in order: the function, the event it got, what it answered.</summary>
    public ConcurrentQueue<(string Function, string Event, InvocationResult Result)> Invocations { get; } = new();

    /// <summary>The processes started so far, by function name.</summary>
    public IReadOnlyDictionary<string, Process> Processes => _running.ToDictionary(r => r.Key, r => r.Value.Process, StringComparer.Ordinal);

    public override async ValueTask DisposeAsync()
    {
        foreach (var (api, process) in _running.Values)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
            }

            api.Stop();
            await api.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override async Task HandleAsync(HttpListenerContext context, string body)
    {
        var path = context.Request.Url!.AbsolutePath;
        var name = path.StartsWith(InvocationsPrefix, StringComparison.Ordinal) && path.EndsWith("/invocations", StringComparison.Ordinal)
            ? Uri.UnescapeDataString(path[InvocationsPrefix.Length..^"/invocations".Length])
            : null;
        if (name is null || !_functions.TryGetValue(name, out var function))
        {
            context.Response.Headers["x-amzn-ErrorType"] = "ResourceNotFoundException";
            await WriteAsync(context.Response, HttpStatusCode.NotFound, "application/json", $$"""{"message":"Function not found: {{name ?? path}}"}""").ConfigureAwait(false);
            return;
        }

        // Wait for the function's own limit (with a margin), at least the usual 10 seconds, at most a minute.
        var wait = TimeSpan.FromTicks(Math.Clamp((function.Limit + TimeSpan.FromSeconds(5)).Ticks, InvocationTimeout.Ticks, MaxInvocationWait.Ticks));
        var result = await Running(function).Api.InvokeAsync(body, wait).ConfigureAwait(false);
        Invocations.Enqueue((name, body, result));
        if (result.IsError)
        {
            context.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
        }

        await WriteAsync(context.Response, HttpStatusCode.OK, "application/json", result.Body).ConfigureAwait(false);
    }

    private (RuntimeApiEndpoint Api, Process Process) Running(LambdaFunctionDefinition function)
    {
        if (_running.TryGetValue(function.Name, out var running) && !running.Process.HasExited)
        {
            return running;
        }

        var api = new RuntimeApiEndpoint(function.Limit);
        var environment = function.Environment.Append(KeyValuePair.Create("AWS_LAMBDA_FUNCTION_NAME", function.Name));
        var start = LambdaProcessStart.For(_bootstrap, api.HostAndPort, function.Handler, environment, captureOutput: false);
        running = (api, Process.Start(start) ?? throw new InvalidOperationException($"could not start {_bootstrap}"));
        _running[function.Name] = running;
        return running;
    }
}
