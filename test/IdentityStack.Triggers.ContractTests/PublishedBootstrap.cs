using System.Text.Json;
using IdentityStack.Testing;

namespace IdentityStack.Triggers.ContractTests;

/// <summary>
/// Where the published Native AOT binaries are, as ./build.sh test leaves them: the full one at
/// artifacts/bootstrap/{runtime id}/bootstrap, the one without the AWS SDK at
/// artifacts/bootstrap/without-aws/{runtime id}/bootstrap, and for linux-x64 handlers.json, which
/// names each handler's binary. IDENTITYSTACK_BOOTSTRAP names another linux-x64 binary to run for every handler.
/// </summary>
internal static class PublishedBootstrap
{
    private const string RunnableRuntime = "linux-x64";

    /// <summary>The handler map ./build.sh publish writes next to the linux-x64 binary.</summary>
    public static string HandlerMapPath { get; } = RepositoryRoot.File(System.IO.Path.Combine("artifacts", "bootstrap", RunnableRuntime, "handlers.json"));

    public static string PathOf(string runtimeIdentifier, bool withoutAws = false) =>
        string.Equals(runtimeIdentifier, RunnableRuntime, StringComparison.Ordinal) && !withoutAws && Environment.GetEnvironmentVariable("IDENTITYSTACK_BOOTSTRAP") is { Length: > 0 } configured
            ? configured
            : RepositoryRoot.File(withoutAws
                ? System.IO.Path.Combine("artifacts", "bootstrap", "without-aws", runtimeIdentifier, "bootstrap")
                : System.IO.Path.Combine("artifacts", "bootstrap", runtimeIdentifier, "bootstrap"));

    /// <summary>Each handler's binary (absolute path) as handlers.json names it.</summary>
    public static IReadOnlyDictionary<string, string> HandlerMap()
    {
        Assert.True(File.Exists(HandlerMapPath), $"{HandlerMapPath} does not exist: run ./build.sh test or ./build.sh publish.");
        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(HandlerMapPath))!;
        var directory = System.IO.Path.GetDirectoryName(HandlerMapPath)!;
        return map.ToDictionary(p => p.Key, p => System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, p.Value)), StringComparer.Ordinal);
    }

    /// <summary>The linux-x64 binary that serves <paramref name="handler"/> (by handlers.json), asserted to exist.</summary>
    public static string ForHandler(string handler)
    {
        if (Environment.GetEnvironmentVariable("IDENTITYSTACK_BOOTSTRAP") is { Length: > 0 } configured)
        {
            return configured;
        }

        Assert.True(HandlerMap().TryGetValue(handler, out var path), $"handlers.json names no binary for {handler}");
        Assert.True(File.Exists(path), $"{path} does not exist: run ./build.sh publish.");
        return path;
    }

    /// <summary>The path of the binary for <paramref name="runtimeIdentifier"/>; fails the test with the command to run when it is missing.</summary>
    public static string AssertPublished(string runtimeIdentifier, bool withoutAws = false)
    {
        var path = PathOf(runtimeIdentifier, withoutAws);
        Assert.True(File.Exists(path), $"{path} does not exist: run ./build.sh test (it publishes the AOT binaries for linux-x64 and keeps synthesis's linux-arm64 ones) or ./build.sh publish.");
        return path;
    }
}
