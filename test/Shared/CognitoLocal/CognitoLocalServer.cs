using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using IdentityStack.Testing;

namespace IdentityStack.Testing;

/// <summary>
/// cognito-local (pinned in package-lock.json) started by tools/e2e/cognito-local.mjs on a free
/// 127.0.0.1 port, with its data in a temporary folder. The messages it delivers (verification
/// codes, our custom message) are read from its output. Disposing stops it and removes its data.
/// </summary>
internal sealed class CognitoLocalServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly string _directory;
    private readonly Channel<CognitoDelivery> _deliveries = Channel.CreateUnbounded<CognitoDelivery>();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringBuilder _log = new();

    private CognitoLocalServer(JsonObject config)
    {
        var launcher = RepositoryRoot.File(Path.Combine("tools", "e2e", "cognito-local.mjs"));
        if (!Directory.Exists(RepositoryRoot.File(Path.Combine("node_modules", "cognito-local"))))
        {
            throw new InvalidOperationException("cognito-local is not installed: run npm ci (./build.sh e2e does it).");
        }

        _directory = Directory.CreateTempSubdirectory("identitystack-e2e-").FullName;
        var configFile = Path.Combine(_directory, "config.json");
        File.WriteAllText(configFile, config.ToJsonString());
        var start = new ProcessStartInfo("node", [launcher, "--config", configFile, "--data", Path.Combine(_directory, "db")])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException("cognito-local exited before it listened:\n" + Log()));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Url { get; private set; } = string.Empty;

    /// <summary>Starts cognito-local with its config (TriggerFunctions, LambdaClient, ...) and waits until it listens.</summary>
    public static async Task<CognitoLocalServer> StartAsync(JsonObject config)
    {
        var server = new CognitoLocalServer(config);
        try
        {
            server.Url = await server._listening.Task.WaitAsync(StartTimeout).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The next message delivered to a user (by username), waiting up to 10 seconds.</summary>
    public async Task<CognitoDelivery> NextDeliveryAsync(string username)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                var delivery = await _deliveries.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
                if (string.Equals(delivery.Username, username, StringComparison.Ordinal))
                {
                    return delivery;
                }
            }
        }
        catch (OperationCanceledException timedOut)
        {
            throw new TimeoutException($"cognito-local delivered no message to '{username}'. Its log:\n{Log()}", timedOut);
        }
    }

    /// <summary>What cognito-local wrote to stderr so far: its log, for failure messages.</summary>
    public string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private void OnLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        var json = line.StartsWith('{') ? JsonNode.Parse(line) : null;
        if (json?["listening"] is { } url)
        {
            _listening.TrySetResult((string)url!);
        }
        else if (json?["delivery"] is JsonObject delivery)
        {
            _deliveries.Writer.TryWrite(CognitoDelivery.From(delivery));
        }
        else
        {
            Log(line);
        }
    }

    private void Log(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
