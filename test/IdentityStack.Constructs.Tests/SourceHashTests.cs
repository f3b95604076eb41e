namespace IdentityStack.Constructs.Tests;

public sealed class SourceHashTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("source-hash-");

    private string Source => Path.Combine(_root.FullName, "src");

    public SourceHashTests()
    {
        Directory.CreateDirectory(Path.Combine(Source, "obj"));
        File.WriteAllText(Path.Combine(Source, "Program.cs"), "class P {}");
        File.WriteAllText(Path.Combine(_root.FullName, "Directory.Build.props"), "<Project />");
    }

    private string Hash(string salt = "linux-arm64") =>
        SourceHash.Compute([Source], [Path.Combine(_root.FullName, "Directory.Build.props")], salt);

    [Fact]
    public void The_same_sources_give_the_same_hash() => Assert.Equal(Hash(), Hash());

    [Fact]
    public void Build_output_does_not_change_the_hash()
    {
        var before = Hash();
        File.WriteAllText(Path.Combine(Source, "obj", "bootstrap.o"), "changes on every build");

        Assert.Equal(before, Hash());
    }

    [Fact]
    public void A_source_change_a_build_input_change_or_another_runtime_changes_the_hash()
    {
        var before = Hash();

        Assert.NotEqual(before, Hash("linux-x64"));
        File.WriteAllText(Path.Combine(Source, "Program.cs"), "class P { }");
        var afterSource = Hash();
        Assert.NotEqual(before, afterSource);
        File.WriteAllText(Path.Combine(_root.FullName, "Directory.Build.props"), "<Project><PropertyGroup /></Project>");
        Assert.NotEqual(afterSource, Hash());
    }

    public void Dispose() => _root.Delete(recursive: true);
}
