namespace IdentityStack.Testing;

/// <summary>The repository root (the folder holding IdentityStack.sln), found upwards from the test output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>A file of the repository by its path from the root.</summary>
    public static string File(string relative) => System.IO.Path.Combine(Path, relative);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "IdentityStack.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("IdentityStack.sln not found above " + AppContext.BaseDirectory);
    }
}
