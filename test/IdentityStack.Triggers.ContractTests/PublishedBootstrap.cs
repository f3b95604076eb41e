using IdentityStack.Testing;

namespace IdentityStack.Triggers.ContractTests;

/// <summary>
/// Where the published Native AOT binaries are: artifacts/bootstrap/{runtime id}/bootstrap, as
/// ./build.sh test leaves them. IDENTITYSTACK_BOOTSTRAP names another linux-x64 binary to run.
/// </summary>
internal static class PublishedBootstrap
{
    private const string RunnableRuntime = "linux-x64";

    /// <summary>The binary the contract tests run (this machine's architecture).</summary>
    public static string Path { get; } = PathOf(RunnableRuntime);

    public static string PathOf(string runtimeIdentifier) =>
        string.Equals(runtimeIdentifier, RunnableRuntime, StringComparison.Ordinal) && Environment.GetEnvironmentVariable("IDENTITYSTACK_BOOTSTRAP") is { Length: > 0 } configured
            ? configured
            : RepositoryRoot.File(System.IO.Path.Combine("artifacts", "bootstrap", runtimeIdentifier, "bootstrap"));

    public static void AssertPublished() => AssertPublished(RunnableRuntime);

    /// <summary>The path of the binary for <paramref name="runtimeIdentifier"/>; fails the test with the command to run when it is missing.</summary>
    public static string AssertPublished(string runtimeIdentifier)
    {
        var path = PathOf(runtimeIdentifier);
        Assert.True(File.Exists(path), $"{path} does not exist: run ./build.sh test (it publishes the AOT bootstrap for linux-x64 and keeps synthesis's linux-arm64 one) or ./build.sh publish.");
        return path;
    }
}
