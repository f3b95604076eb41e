using System.Collections.Concurrent;
using System.Net;

namespace IdentityStack.Testing;

/// <summary>
/// Cognito's JSON API (POST) and CloudFormation's pre-signed ResponseURL (PUT) on one 127.0.0.1
/// port, recording every request with its headers (lower-case names); Cognito answers from
/// <see cref="CognitoAnswer"/>, the ResponseURL with 200.
/// </summary>
internal sealed class RecordingCognitoEndpoint : LoopbackHttpServer
{
    public RecordingCognitoEndpoint() => Start();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public (HttpStatusCode Status, string Body) CognitoAnswer { get; set; } = (HttpStatusCode.OK, "{}");

    protected override async Task HandleAsync(HttpListenerContext context, string body)
    {
        var headers = context.Request.Headers.AllKeys.ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!, StringComparer.Ordinal);
        Requests.Enqueue(new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body));
        var (status, answer) = string.Equals(context.Request.HttpMethod, "PUT", StringComparison.Ordinal) ? (HttpStatusCode.OK, string.Empty) : CognitoAnswer;
        await WriteAsync(context.Response, status, "application/x-amz-json-1.1", answer).ConfigureAwait(false);
    }
}

/// <summary>One request a loopback endpoint received.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}
