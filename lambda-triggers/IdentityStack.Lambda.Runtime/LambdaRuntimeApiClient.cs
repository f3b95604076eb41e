using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IdentityStack.Lambda.Runtime;

/// <summary>
/// The Runtime API over HTTP/1.1, at <c>http://{AWS_LAMBDA_RUNTIME_API}/2018-06-01/</c>, on one
/// kept-alive socket (<see cref="RuntimeApiConnection"/>) rather than HttpClient, whose first request
/// is a large share of a small function's cold start.
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
    public async Task<LambdaInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        // "next" blocks until an event arrives, which can be hours: no time-out of our own.
        var answer = await _connection.SendAsync("GET", BasePath + "runtime/invocation/next", ReadOnlyMemory<byte>.Empty, [], cancellationToken).ConfigureAwait(false);
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
    }

    /// <inheritdoc />
    public async Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken)
    {
        var answer = await _connection.SendAsync("POST", $"{BasePath}runtime/invocation/{Uri.EscapeDataString(requestId)}/response", response, [JsonContent], cancellationToken).ConfigureAwait(false);
        EnsureSuccess("POST response", answer);
    }

    /// <inheritdoc />
    public Task PostInvocationErrorAsync(string requestId, LambdaError failure, CancellationToken cancellationToken) =>
        PostErrorAsync($"{BasePath}runtime/invocation/{Uri.EscapeDataString(requestId)}/error", "POST invocation error", failure, cancellationToken);

    /// <inheritdoc />
    public Task PostInitErrorAsync(LambdaError failure, CancellationToken cancellationToken) =>
        PostErrorAsync(BasePath + "runtime/init/error", "POST init error", failure, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private async Task PostErrorAsync(string path, string call, LambdaError failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var body = JsonSerializer.SerializeToUtf8Bytes(failure, LambdaRuntimeJsonContext.Default.LambdaError);
        // A header value is one line of printable ASCII: an error type that is not is sent without it (the body still names it).
        var headers = failure.ErrorType.All(c => c is >= ' ' and <= '~')
            ? new[] { JsonContent, new KeyValuePair<string, string>(ErrorTypeHeader, failure.ErrorType) }
            : [JsonContent];
        var answer = await _connection.SendAsync("POST", path, body, headers, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(call, answer);
    }

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
