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

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "IdentityStack.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, "artifacts", "bootstrap", "linux-x64", "bootstrap");
            }
        }

        throw new InvalidOperationException("IdentityStack.sln not found above " + AppContext.BaseDirectory);
    }

    public static void AssertPublished() =>
        Assert.True(File.Exists(Path), $"{Path} does not exist: run ./build.sh test (it publishes the AOT bootstrap first) or ./build.sh publish.");
}
