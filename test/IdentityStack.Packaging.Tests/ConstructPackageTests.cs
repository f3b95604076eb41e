using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using IdentityStack.Testing;

namespace IdentityStack.Packaging.Tests;

/// <summary>What a consuming team downloads: the construct package's content, docs and symbols.</summary>
[Collection(PackedFromCleanClone.Collection)]
public sealed class ConstructPackageTests(PackedFromCleanClone packed)
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    private string Package => packed.PackageFile(PackedFromCleanClone.ConstructsPackage);

    [Fact]
    public void The_nuspec_has_the_tag_version_licence_readme_and_the_commit_it_was_built_from()
    {
        var nuspec = XDocument.Load(new MemoryStream(PackedFromCleanClone.Entry(Package, "IdentityStack.Constructs.nuspec")));
        XNamespace ns = nuspec.Root!.GetDefaultNamespace();
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal(packed.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("Apache-2.0", metadata.Element(ns + "license")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.Equal(packed.Commit, metadata.Element(ns + "repository")!.Attribute("commit")!.Value);
        Assert.Contains("Install", Encoding.UTF8.GetString(PackedFromCleanClone.Entry(Package, "README.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("linux-arm64")]
    [InlineData("linux-x64")]
    public void The_prebuilt_bootstrap_ships_inside_with_the_targets_that_copy_it(string runtimeId)
    {
        var shipped = PackedFromCleanClone.Entry(Package, $"lambda/{runtimeId}/bootstrap");
        var targets = Encoding.UTF8.GetString(PackedFromCleanClone.Entry(Package, "buildTransitive/IdentityStack.Constructs.targets"));

        Assert.Equal(File.ReadAllBytes(Path.Combine(PackedFromCleanClone.Bootstraps, runtimeId, "bootstrap")), shipped);
        Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], shipped[..4]);
        Assert.Contains("identitystack-lambda/", targets, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_public_type_is_documented_in_the_packaged_xml_docs()
    {
        var documented = XDocument.Load(new MemoryStream(PackedFromCleanClone.Entry(Package, "lib/net10.0/IdentityStack.Constructs.xml")))
            .Descendants("member").Select(m => (string?)m.Attribute("name")).ToHashSet(StringComparer.Ordinal);
        using var pe = new PEReader(new MemoryStream(PackedFromCleanClone.Entry(Package, "lib/net10.0/IdentityStack.Constructs.dll")));
        var reader = pe.GetMetadataReader();
        var publicTypes = reader.TypeDefinitions.Select(reader.GetTypeDefinition)
            .Where(t => (t.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public)
            .Select(t => $"T:{reader.GetString(t.Namespace)}.{reader.GetString(t.Name)}")
            .ToList();

        Assert.True(publicTypes.Count > 50, $"only {publicTypes.Count} public types found");
        var undocumented = publicTypes.Where(t => !documented.Contains(t)).ToList();
        Assert.True(undocumented.Count == 0, "public types without XML docs: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void The_symbols_map_every_source_to_this_commit_on_github()
    {
        var pdb = PackedFromCleanClone.Entry(packed.PackageFile(PackedFromCleanClone.ConstructsPackage, "snupkg"), "lib/net10.0/IdentityStack.Constructs.pdb");
        using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(pdb));
        var reader = provider.GetMetadataReader();
        var sourceLink = reader.CustomDebugInformation.Select(reader.GetCustomDebugInformation)
            .Single(c => reader.GetGuid(c.Kind) == SourceLinkKind);
        var documents = JsonNode.Parse(reader.GetBlobBytes(sourceLink.Value))!["documents"]!.AsObject();

        var (local, remote) = Assert.Single(documents);
        Assert.StartsWith(packed.Clone, local, StringComparison.Ordinal);
        Assert.Equal($"https://raw.githubusercontent.com/identitystack/identitystack/{packed.Commit}/*", (string?)remote);
    }
}
