namespace IdentityStack.App;

/// <summary>
/// Files of this repository: the folder holding IdentityStack.sln, found upwards from the working
/// directory, else upwards from the app's own build output (so a cdk.json elsewhere, such as a copy
/// under test, can drive the app built in this repository).
/// </summary>
internal static class RepositoryLayout
{
    private const string SolutionFile = "IdentityStack.sln";
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary>A path from configuration, relative to the repository root (absolute paths stay as they are).</summary>
    public static string Resolve(string path) => Path.GetFullPath(Path.Combine(Root, path));

    private static string FindRoot() =>
        FindUpwards(Directory.GetCurrentDirectory())
        ?? FindUpwards(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"Run the app from the IdentityStack repository: no {SolutionFile} above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}.");

    private static string? FindUpwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
