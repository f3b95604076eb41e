using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IdentityStack.Lambda.Runtime;

/// <summary>
/// The Runtime API over HTTP/1.1, at <c>http://{AWS_LAMBDA_RUNTIME_API}/2018-06-01/</c>, on one
/// kept-alive socket (<see cref="RuntimeApiConnection"/>) rather than HttpClient, whose first request
/// is a large share of a small function's cold start. The calls complete before they return (the
/// connection blocks, see there), so a handler that does not await anything runs its whole
/// invocation on the main thread without starting the thread pool.
/// </summary>
public sealed class LambdaRuntimeApiClient : ILambdaRuntimeApi, IDisposable
{
    /// <summary>The environment variable Lambda sets to the API's host and port.</summary>
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";

    internal const string RequestIdHeader = "Lambda-Runtime-Aws-Request-Id";
    internal const string DeadlineHeader = "Lambda-Runtime-Deadline-Ms";
    internal const string FunctionArnHeader = "Lambda-Runtime-Invoked-Function-Arn";
    internal const string TraceIdHeader = "Lambda-Runtime-Trace-Id";
    internal const string ClientContextHeader = "Lambda-Runtime-Client-Context";
    internal const string CognitoIdentityHeader = "Lambda-Runtime-Cognito-Identity";
    internal const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    private const string BasePath = "/2018-06-01/";
    private static readonly KeyValuePair<string, string> JsonContent = new("Content-Type", "application/json");
    private readonly RuntimeApiConnection _connection;

    /// <summary>A client of the API at <paramref name="hostAndPort"/> (the value of AWS_LAMBDA_RUNTIME_API).</summary>
    public LambdaRuntimeApiClient(string hostAndPort)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostAndPort);
        _connection = new RuntimeApiConnection(hostAndPort);
    }

    /// <summary>A client of the API named by AWS_LAMBDA_RUNTIME_API.</summary>
    public static LambdaRuntimeApiClient FromEnvironment() =>
        new(Environment.GetEnvironmentVariable(RuntimeApiVariable)
            ?? throw new InvalidOperationException($"{RuntimeApiVariable} is not set: this program runs inside AWS Lambda (or a local Runtime API host)."));

    /// <inheritdoc />
    public Task<LambdaInvocation> GetNextInvocationAsync(CancellationToken cancellationToken) => Completed(() =>
    {
        // "next" blocks until an event arrives, which can be hours: no time-out of our own.
        var answer = _connection.Send("GET", BasePath + "runtime/invocation/next", ReadOnlyMemory<byte>.Empty, [], cancellationToken);
        EnsureSuccess("GET next", answer);
        var deadline = Required(answer, DeadlineHeader);
        if (!long.TryParse(deadline, NumberStyles.None, CultureInfo.InvariantCulture, out var deadlineMs))
        {
            throw new RuntimeApiException($"Lambda Runtime API GET next answered {DeadlineHeader} '{deadline}', not milliseconds.");
        }

        return new LambdaInvocation(
            Required(answer, RequestIdHeader),
            DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs),
            Required(answer, FunctionArnHeader),
            answer.Headers.GetValueOrDefault(TraceIdHeader),
            answer.Headers.GetValueOrDefault(ClientContextHeader),
            answer.Headers.GetValueOrDefault(CognitoIdentityHeader),
            answer.Body);
    });

    /// <inheritdoc />
    public Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken) =>
        PostAsync($"{BasePath}runtime/invocation/{Uri.EscapeDataString(requestId)}/response", "POST response", response, [JsonContent], cancellationToken);

    /// <inheritdoc />
    public Task PostInvocationErrorAsync(string requestId, LambdaError failure, CancellationToken cancellationToken) =>
        PostErrorAsync($"{BasePath}runtime/invocation/{Uri.EscapeDataString(requestId)}/error", "POST invocation error", failure, cancellationToken);

    /// <inheritdoc />
    public Task PostInitErrorAsync(LambdaError failure, CancellationToken cancellationToken) =>
        PostErrorAsync(BasePath + "runtime/init/error", "POST init error", failure, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private Task PostErrorAsync(string path, string call, LambdaError failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var body = JsonSerializer.SerializeToUtf8Bytes(failure, LambdaRuntimeJsonContext.Default.LambdaError);
        // A header value is one line of printable ASCII: an error type that is not is sent without it (the body still names it).
        var headers = failure.ErrorType.All(c => c is >= ' ' and <= '~')
            ? new[] { JsonContent, new KeyValuePair<string, string>(ErrorTypeHeader, failure.ErrorType) }
            : [JsonContent];
        return PostAsync(path, call, body, headers, cancellationToken);
    }

    private Task PostAsync(string path, string call, ReadOnlyMemory<byte> body, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken) =>
        Completed(() => EnsureSuccess(call, _connection.Send("POST", path, body, headers, cancellationToken)));

    /// <summary>Runs a blocking call now: its result or failure as a completed task, a cancellation as a cancelled one.</summary>
    private static Task<T> Completed<T>(Func<T> call)
    {
        try
        {
            return Task.FromResult(call());
        }
        catch (OperationCanceledException cancelled)
        {
            return Task.FromCanceled<T>(CancelledToken(cancelled));
        }
        catch (Exception error)
        {
            return Task.FromException<T>(error);
        }
    }

    private static Task Completed(Action call)
    {
        try
        {
            call();
            return Task.CompletedTask;
        }
        catch (OperationCanceledException cancelled)
        {
            return Task.FromCanceled(CancelledToken(cancelled));
        }
        catch (Exception error)
        {
            return Task.FromException(error);
        }
    }

    private static CancellationToken CancelledToken(OperationCanceledException cancelled) =>
        cancelled.CancellationToken.IsCancellationRequested ? cancelled.CancellationToken : new CancellationToken(canceled: true);

    private static void EnsureSuccess(string call, RuntimeApiAnswer answer)
    {
        if (!answer.IsSuccess)
        {
            throw new RuntimeApiException(call, answer.Status, Encoding.UTF8.GetString(answer.Body));
        }
    }

    private static string Required(RuntimeApiAnswer answer, string name) =>
        answer.Headers.GetValueOrDefault(name) ?? throw new RuntimeApiException($"Lambda Runtime API GET next answered without the {name} header.");
}
