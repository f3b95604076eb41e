using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace IdentityStack.Testing;

/// <summary>
/// A DynamoDB endpoint on 127.0.0.1 that records each request (operation from X-Amz-Target, JSON
/// body) and answers from a script: there is no DynamoDB emulator on these machines.
/// </summary>
internal sealed class RecordingDynamoDb : LoopbackHttpServer
{
    public RecordingDynamoDb() => Start();

    public ConcurrentQueue<(string Operation, JsonElement Body, string? Authorization)> Requests { get; } = new();

    /// <summary>Answer for an operation: status and JSON body. Default: 200 "{}".</summary>
    public Func<string, JsonElement, (HttpStatusCode Status, string Body)> Answer { get; set; } = (_, _) => (HttpStatusCode.OK, "{}");

    public static (HttpStatusCode, string) ConditionalCheckFailed() =>
        (HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}""");

    protected override async Task HandleAsync(HttpListenerContext context, string body)
    {
        var json = JsonDocument.Parse(body).RootElement.Clone();
        var operation = (context.Request.Headers["X-Amz-Target"] ?? string.Empty).Split('.').Last();
        Requests.Enqueue((operation, json, context.Request.Headers["Authorization"]));
        var (status, answer) = Answer(operation, json);
        await WriteAsync(context.Response, status, "application/x-amz-json-1.0", answer).ConfigureAwait(false);
    }
}
