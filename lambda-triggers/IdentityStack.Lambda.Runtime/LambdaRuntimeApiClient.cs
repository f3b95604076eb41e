using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace IdentityStack.Lambda.Runtime;

/// <summary>The Runtime API over HTTP, at <c>http://{AWS_LAMBDA_RUNTIME_API}/2018-06-01/</c>.</summary>
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

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private readonly HttpClient _http;

    /// <summary>A client of the API at <paramref name="hostAndPort"/> (the value of AWS_LAMBDA_RUNTIME_API).</summary>
    public LambdaRuntimeApiClient(string hostAndPort)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostAndPort);
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://{hostAndPort}/2018-06-01/"),
            // "next" blocks until an event arrives, which can be hours: no client timeout.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>A client of the API named by AWS_LAMBDA_RUNTIME_API.</summary>
    public static LambdaRuntimeApiClient FromEnvironment() =>
        new(Environment.GetEnvironmentVariable(RuntimeApiVariable)
            ?? throw new InvalidOperationException($"{RuntimeApiVariable} is not set: this program runs inside AWS Lambda (or a local Runtime API host)."));

    /// <inheritdoc />
    public async Task<LambdaInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("runtime/invocation/next", HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync("GET next", response, cancellationToken).ConfigureAwait(false);
        var headers = response.Headers;
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var deadlineMs = long.Parse(Required(headers, DeadlineHeader), NumberStyles.None, CultureInfo.InvariantCulture);
        return new LambdaInvocation(
            Required(headers, RequestIdHeader),
            DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs),
            Required(headers, FunctionArnHeader),
            Optional(headers, TraceIdHeader),
            Optional(headers, ClientContextHeader),
            Optional(headers, CognitoIdentityHeader),
            payload);
    }

    /// <inheritdoc />
    public async Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(response);
        content.Headers.ContentType = JsonMediaType;
        await PostAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/response", "POST response", content, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task PostInvocationErrorAsync(string requestId, LambdaError failure, CancellationToken cancellationToken) =>
        PostErrorAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/error", "POST invocation error", failure, cancellationToken);

    /// <inheritdoc />
    public Task PostInitErrorAsync(LambdaError failure, CancellationToken cancellationToken) =>
        PostErrorAsync("runtime/init/error", "POST init error", failure, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task PostErrorAsync(string path, string call, LambdaError failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(failure, LambdaRuntimeJsonContext.Default.LambdaError));
        content.Headers.ContentType = JsonMediaType;
        await PostAsync(path, call, content, cancellationToken, failure.ErrorType).ConfigureAwait(false);
    }

    private async Task PostAsync(string path, string call, HttpContent content, CancellationToken cancellationToken, string? errorType = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (errorType is not null)
        {
            request.Headers.Add(ErrorTypeHeader, errorType);
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(call, response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task EnsureSuccessAsync(string call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new RuntimeApiException(call, response.StatusCode, body);
    }

    private static string Required(HttpResponseHeaders headers, string name) =>
        Optional(headers, name) ?? throw new RuntimeApiException($"Lambda Runtime API GET next answered without the {name} header.");

    private static string? Optional(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
