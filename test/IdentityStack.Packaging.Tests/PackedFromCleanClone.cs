using System.IO.Compression;
using IdentityStack.Testing;

namespace IdentityStack.Packaging.Tests;

/// <summary>
/// What the release workflow does, on this machine: a clean clone of the committed HEAD whose
/// origin is the GitHub repository (so SourceLink has a remote), packed with SourceLink on and
/// the prebuilt bootstraps of artifacts/bootstrap/ (./build.sh pack or ./build.sh test publish
/// them); then the sample consumer app, copied out of the repository, restored from that folder
/// feed, built and synthesized. Uncommitted changes are not in the clone: commit first.
/// </summary>
#pragma warning disable CA1001 // xunit disposes a fixture through IAsyncLifetime.DisposeAsync.
public sealed class PackedFromCleanClone : IAsyncLifetime
#pragma warning restore CA1001
{
    /// <summary>The tests that share one pack (it takes about half a minute).</summary>
    public const string Collection = "packed from a clean clone";

    public const string GitHubRemote = "https://github.com/identitystack/identitystack.git";
    public const string ConstructsPackage = "IdentityStack.Constructs";
    public const string ContractPackage = "IdentityStack.Triggers.Contract";

    private static readonly string[] PackedProjects =
        ["src/IdentityStack.Constructs/IdentityStack.Constructs.csproj", "lambda-triggers/IdentityStack.Triggers.Contract/IdentityStack.Triggers.Contract.csproj"];

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("identitystack-pack-");

    /// <summary>A version no earlier run used, so NuGet's package cache never serves a stale copy.</summary>
    public string Version { get; } = $"0.0.0-packtest.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public string Clone => Path.Combine(_root.FullName, "clone");

    public string Feed => Path.Combine(_root.FullName, "feed");

    public string Consumer => Path.Combine(_root.FullName, "consumer");

    public string CloudAssembly => Path.Combine(Consumer, "cdk.out");

    public string Commit { get; private set; } = string.Empty;

    public string PackageFile(string id, string extension = "nupkg") => Path.Combine(Feed, $"{id}.{Version}.{extension}");

    public static string Bootstraps => RepositoryRoot.File(Path.Combine("artifacts", "bootstrap"));

    public async Task InitializeAsync()
    {
        foreach (var rid in new[] { "linux-arm64", "linux-x64" })
        {
            var bootstrap = Path.Combine(Bootstraps, rid, "bootstrap");
            Assert.True(File.Exists(bootstrap), $"{bootstrap} is missing: ./build.sh pack publishes both architectures.");
        }

        await CommandLine.RunAsync("git", ["clone", "--quiet", "--no-hardlinks", RepositoryRoot.Path, Clone], _root.FullName);
        await CommandLine.RunAsync("git", ["remote", "set-url", "origin", GitHubRemote], Clone);
        Commit = (await CommandLine.RunAsync("git", ["rev-parse", "HEAD"], Clone)).Trim();
        foreach (var project in PackedProjects)
        {
            await CommandLine.RunAsync("dotnet", ["pack", project, "-c", "Release", "-o", Feed, "--nologo",
                "-p:IdentityStackSourceLink=true", $"-p:TriggerBootstrapDirectory={Bootstraps}", $"-p:MinVerVersionOverride={Version}"], Clone);
        }

        CopyDirectory(Path.Combine(Clone, "samples", "IdentityStack.Consumer"), Consumer);
        await File.WriteAllTextAsync(Path.Combine(Consumer, "NuGet.config"),
            $"""<configuration><packageSources><add key="identitystack-local" value="{Feed}" /></packageSources></configuration>""");
        await CommandLine.RunAsync("dotnet", ["build", "-c", "Release", "--nologo", $"-p:IdentityStackVersion={Version}"], Consumer);
        await CommandLine.RunAsync("dotnet", [Path.Combine("bin", "Release", "net10.0", "IdentityStack.Consumer.dll")], Consumer,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["CDK_OUTDIR"] = CloudAssembly, ["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = "20" });
    }

    public Task DisposeAsync()
    {
        _root.Delete(recursive: true);
        // The consumer's restore put this run's packages in NuGet's global folder; no later run uses that version.
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { ConstructsPackage, ContractPackage })
        {
            var cached = Path.Combine(packages, id.ToLowerInvariant(), Version);
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>One entry of a package, as bytes.</summary>
    public static byte[] Entry(string package, string entry)
    {
        using var zip = ZipFile.OpenRead(package);
        var found = zip.GetEntry(entry) ?? throw new FileNotFoundException($"{Path.GetFileName(package)} has no {entry}; it has: {string.Join(", ", zip.Entries.Select(e => e.FullName))}");
        using var stream = found.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
