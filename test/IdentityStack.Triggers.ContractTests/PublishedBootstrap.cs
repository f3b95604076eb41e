using IdentityStack.Testing;

namespace IdentityStack.Triggers.ContractTests;

/// <summary>Where the published Native AOT binary is: IDENTITYSTACK_BOOTSTRAP, or artifacts/bootstrap/linux-x64/bootstrap.</summary>
internal static class PublishedBootstrap
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var configured = Environment.GetEnvironmentVariable("IDENTITYSTACK_BOOTSTRAP");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        return RepositoryRoot.File(System.IO.Path.Combine("artifacts", "bootstrap", "linux-x64", "bootstrap"));
    }

    public static void AssertPublished() =>
        Assert.True(File.Exists(Path), $"{Path} does not exist: run ./build.sh test (it publishes the AOT bootstrap first) or ./build.sh publish.");
}
