using System.Net;
using System.Net.Sockets;

namespace IdentityStack.Triggers.ContractTests;

/// <summary>
/// A dependency that is down, on 127.0.0.1: <see cref="Hanging"/> accepts connections and never
/// answers; <see cref="Refusing"/> is a port nothing listens on (connections are refused at once).
/// </summary>
internal sealed class UnresponsiveEndpoint : IAsyncDisposable
{
    private readonly TcpListener? _listener;
    private readonly List<TcpClient> _held = [];
    private readonly CancellationTokenSource _stop = new();

    private UnresponsiveEndpoint(string url, TcpListener? listener)
    {
        Url = url;
        _listener = listener;
    }

    public string Url { get; }

    public static UnresponsiveEndpoint Hanging()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var endpoint = new UnresponsiveEndpoint($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}", listener);
        _ = endpoint.HoldConnectionsAsync();
        return endpoint;
    }

    public static UnresponsiveEndpoint Refusing()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new UnresponsiveEndpoint($"http://127.0.0.1:{port}", null);
    }

    private async Task HoldConnectionsAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener!.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                lock (_held)
                {
                    _held.Add(client); // read nothing, answer nothing
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener?.Stop();
        lock (_held)
        {
            _held.ForEach(c => c.Dispose());
        }

        _stop.Dispose();
    }
}
