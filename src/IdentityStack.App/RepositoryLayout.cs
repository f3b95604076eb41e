namespace IdentityStack.App;

/// <summary>Files of this repository (the folder holding IdentityStack.sln, found upwards from the working directory).</summary>
internal static class RepositoryLayout
{
    private const string SolutionFile = "IdentityStack.sln";
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary>A path from configuration, relative to the repository root (absolute paths stay as they are).</summary>
    public static string Resolve(string path) => Path.GetFullPath(Path.Combine(Root, path));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Run the app from the IdentityStack repository: no {SolutionFile} above {Directory.GetCurrentDirectory()}.");
    }
}
