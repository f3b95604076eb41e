namespace IdentityStack.Lambda.Runtime;

/// <summary>
/// The invocation loop of a custom runtime: picks the handler named by <c>_HANDLER</c>, then
/// fetches events, runs the handler and posts its response or error, until the Runtime API fails
/// fatally (a 500, or an unreachable API) or <see cref="RunAsync"/> is cancelled.
/// </summary>
public sealed class LambdaBootstrap
{
    /// <summary>The environment variable naming the handler (the function's Handler setting).</summary>
    public const string HandlerVariable = "_HANDLER";

    /// <summary>The environment variable that carries the X-Ray trace header of the current invocation.</summary>
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    /// <summary>The command-line argument that makes a bootstrap list its handler names, one a line, and exit.</summary>
    public const string ListHandlersArgument = "--handlers";

    /// <summary>Exit code after an init error (unknown handler, or a handler that failed to start).</summary>
    public const int InitFailedExitCode = 1;

    /// <summary>Exit code after the Runtime API failed fatally.</summary>
    public const int RuntimeApiFailedExitCode = 2;

    private readonly IReadOnlyDictionary<string, Func<ILambdaHandler>> _handlers;
    private readonly ILambdaRuntimeApi _api;
    private readonly TimeProvider _time;
    private readonly TextWriter? _log;

    /// <summary>Creates the loop over <paramref name="handlers"/> (by <c>_HANDLER</c> name), talking to <paramref name="api"/>.</summary>
    public LambdaBootstrap(IReadOnlyDictionary<string, Func<ILambdaHandler>> handlers, ILambdaRuntimeApi api, TimeProvider? time = null, TextWriter? log = null)
    {
        _handlers = handlers ?? throw new ArgumentNullException(nameof(handlers));
        _api = api ?? throw new ArgumentNullException(nameof(api));
        _time = time ?? TimeProvider.System;
        _log = log;
    }

    /// <summary>Where the runtime's own messages go: the writer given, else stderr, opened only when there is something to say.</summary>
    private TextWriter Log => _log ?? LambdaOutput.Error;

    /// <summary>
    /// A bootstrap's <c>Main</c>: with the single argument <see cref="ListHandlersArgument"/>, writes the
    /// handler names (one a line) to <paramref name="output"/> and returns 0; otherwise runs the loop for
    /// the handler named by <c>_HANDLER</c> against the Runtime API named by AWS_LAMBDA_RUNTIME_API.
    /// </summary>
    public static async Task<int> RunMainAsync(IReadOnlyDictionary<string, Func<ILambdaHandler>> handlers, string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args is [ListHandlersArgument])
        {
            await output.WriteLineAsync(string.Join('\n', handlers.Keys.Order(StringComparer.Ordinal))).ConfigureAwait(false);
            return 0;
        }

        using var api = LambdaRuntimeApiClient.FromEnvironment();
        return await new LambdaBootstrap(handlers, api).RunAsync(Environment.GetEnvironmentVariable(HandlerVariable), CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Runs until the API fails or <paramref name="cancellationToken"/> fires; returns the process exit code.</summary>
    public async Task<int> RunAsync(string? handlerName, CancellationToken cancellationToken)
    {
        var handler = await InitializeAsync(handlerName, cancellationToken).ConfigureAwait(false);
        if (handler is null)
        {
            return InitFailedExitCode;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var invocation = await _api.GetNextInvocationAsync(cancellationToken).ConfigureAwait(false);
                await InvokeAsync(handler, invocation, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error) when (IsFatal(error))
            {
                await Log.WriteLineAsync($"Lambda Runtime API failed, exiting: {error.Message}").ConfigureAwait(false);
                return RuntimeApiFailedExitCode;
            }
        }

        return 0;
    }

    private async Task<ILambdaHandler?> InitializeAsync(string? handlerName, CancellationToken cancellationToken)
    {
        LambdaError? error = null;
        if (string.IsNullOrWhiteSpace(handlerName) || !_handlers.TryGetValue(handlerName, out var factory))
        {
            var known = string.Join(", ", _handlers.Keys.Order(StringComparer.Ordinal));
            error = new LambdaError(
                $"Unknown handler '{handlerName}'. Set the function's handler ({HandlerVariable}) to one of: {known}.",
                "Runtime.InvalidHandler",
                []);
        }
        else
        {
            try
            {
                return factory();
            }
#pragma warning disable CA1031 // Any failure to start must be reported to Lambda, whatever its type.
            catch (Exception startError)
#pragma warning restore CA1031
            {
                error = LambdaError.From(startError) with { ErrorType = "Runtime.InitError." + startError.GetType().Name };
            }
        }

        await Log.WriteLineAsync(error.ErrorMessage).ConfigureAwait(false);
        try
        {
            await _api.PostInitErrorAsync(error, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception postError) when (postError is RuntimeApiException or HttpRequestException)
        {
            await Log.WriteLineAsync($"Could not report the init error: {postError.Message}").ConfigureAwait(false);
        }

        return null;
    }

    private async Task InvokeAsync(ILambdaHandler handler, LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        // Per invocation: an untraced invocation must not carry the previous one's trace (null unsets it).
        Environment.SetEnvironmentVariable(TraceIdVariable, invocation.TraceId);

        byte[] response;
        try
        {
            response = await handler.InvokeAsync(invocation.Payload, new LambdaContext(invocation, _time), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A handler failure of any type becomes the invocation's error; the loop goes on.
        catch (Exception handlerError)
#pragma warning restore CA1031
        {
            await Log.WriteLineAsync($"{invocation.RequestId} {handlerError.GetType().Name}: {handlerError.Message}").ConfigureAwait(false);
            await ReportAsync(() => _api.PostInvocationErrorAsync(invocation.RequestId, LambdaError.From(handlerError), cancellationToken), invocation).ConfigureAwait(false);
            return;
        }

        await ReportAsync(() => _api.PostResponseAsync(invocation.RequestId, response, cancellationToken), invocation).ConfigureAwait(false);
    }

    /// <summary>Posts a result; a non-fatal refusal (e.g. 413, response too large) is logged and the loop goes on.</summary>
    private async Task ReportAsync(Func<Task> post, LambdaInvocation invocation)
    {
        try
        {
            await post().ConfigureAwait(false);
        }
        catch (RuntimeApiException refused) when (!refused.IsFatal)
        {
            await Log.WriteLineAsync($"{invocation.RequestId} result refused: {refused.Message}").ConfigureAwait(false);
        }
    }

    private static bool IsFatal(Exception error) =>
        error is RuntimeApiException { IsFatal: true } or HttpRequestException;
}
