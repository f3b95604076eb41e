using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace IdentityStack.Testing;

/// <summary>
/// A DynamoDB endpoint on 127.0.0.1 that records each request (operation from X-Amz-Target, JSON
/// body) and answers from a script: there is no DynamoDB emulator on these machines.
/// </summary>
internal sealed class RecordingDynamoDb : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public RecordingDynamoDb()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public ConcurrentQueue<(string Operation, JsonElement Body, string? Authorization)> Requests { get; } = new();

    /// <summary>Answer for an operation: status and JSON body. Default: 200 "{}".</summary>
    public Func<string, JsonElement, (HttpStatusCode Status, string Body)> Answer { get; set; } = (_, _) => (HttpStatusCode.OK, "{}");

    public static (HttpStatusCode, string) ConditionalCheckFailed() =>
        (HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}""");

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving.ConfigureAwait(false);
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

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = JsonDocument.Parse(await reader.ReadToEndAsync().ConfigureAwait(false)).RootElement.Clone();
            var operation = (context.Request.Headers["X-Amz-Target"] ?? string.Empty).Split('.').Last();
            Requests.Enqueue((operation, body, context.Request.Headers["Authorization"]));
            var (status, answer) = Answer(operation, body);
            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "application/x-amz-json-1.0";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
    }
}
