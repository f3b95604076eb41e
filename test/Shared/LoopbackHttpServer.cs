using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IdentityStack.Testing;

/// <summary>
/// An HTTP server on a free 127.0.0.1 port that hands each request to <see cref="HandleAsync"/>,
/// one at a time, until disposed. The base of the test doubles that stand in for AWS endpoints.
/// </summary>
internal abstract class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private Task? _serving;

    protected LoopbackHttpServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
    }

    public int Port { get; }

    public string HostAndPort => $"127.0.0.1:{Port}";

    public string Url => "http://" + HostAndPort;

    public virtual async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // The managed HttpListener looks its endpoint up again on Close and can try to bind the
            // port anew, failing with "Address already in use" when another process took the port
            // meanwhile. The listener is stopped either way; nothing is left to release.
        }
        if (_serving is not null)
        {
            await _serving.ConfigureAwait(false);
        }
    }

    /// <summary>Starts accepting requests; call at the end of the derived constructor.</summary>
    protected void Start()
    {
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    protected abstract Task HandleAsync(HttpListenerContext context, string body);

    /// <summary>The request body as bytes; by default read as UTF-8 text for <see cref="HandleAsync"/>. Binary endpoints (S3) override it.</summary>
    protected virtual Task HandleBytesAsync(HttpListenerContext context, byte[] body) => HandleAsync(context, Encoding.UTF8.GetString(body));

    protected static async Task WriteBytesAsync(HttpListenerResponse response, HttpStatusCode status, string contentType, byte[] body)
    {
        response.StatusCode = (int)status;
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
        response.Close();
    }

    protected static async Task WriteAsync(HttpListenerResponse response, HttpStatusCode status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = (int)status;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        response.Close();
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

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
            await HandleBytesAsync(context, body.ToArray()).ConfigureAwait(false);
        }
    }
}
