namespace IdentityStack.App.Tests;

/// <summary>
/// docs/reference/ (the configuration reference and the JSON Schemas) is generated from what the
/// stage readers read and the options types' defaults: every field read is described, every field
/// described is read, and the committed files are what ./build.sh config-reference writes now.
/// </summary>
public sealed class ConfigReferenceTests
{
    private static IReadOnlyDictionary<string, ConfigField> Catalog()
    {
        using var example = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf(ConfigReference.ExampleFile)));
        return ConfigReference.Catalog(example.RootElement.GetProperty("stages").Clone());
    }

    [Fact]
    public void Every_field_the_readers_read_is_described_and_every_description_is_of_a_field_read()
    {
        var catalog = Catalog();
        var (undescribed, unread) = ConfigReference.Gaps(catalog);

        Assert.Empty(undescribed);
        Assert.Empty(unread);
        Assert.True(catalog.Count >= 100, $"{catalog.Count} fields");
        // What the readers record: a choice with its default, a range, a required field.
        Assert.Equal(["OFF", "OPTIONAL", "REQUIRED"], catalog["mfa"].Choices);
        Assert.Equal("REQUIRED", catalog["mfa"].Default);
        Assert.Equal((1, 3653), catalog["retention.logDays"].Range);
        Assert.True(catalog["region"].Required);
        Assert.Equal("object[]", catalog["federation"].Kind);
    }

    [Fact]
    public void A_field_read_without_a_description_stops_the_generation_naming_it()
    {
        var catalog = new Dictionary<string, ConfigField>(Catalog(), StringComparer.Ordinal) { ["signIn.newOption"] = new("signIn.newOption", "string") };

        var error = Assert.Throws<InvalidOperationException>(() => ConfigReference.Generate(catalog));

        Assert.Contains("read but not described: signIn.newOption", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_committed_reference_and_schemas_are_what_the_generator_writes_now()
    {
        foreach (var (name, content) in ConfigReference.Generate(Catalog()))
        {
            var committed = RepositoryFiles.PathOf(Path.Combine(ConfigReference.Folder, name));
            Assert.True(File.Exists(committed), $"{ConfigReference.Folder}/{name} is missing: run ./build.sh config-reference and commit it");
            Assert.True(string.Equals(content, File.ReadAllText(committed), StringComparison.Ordinal), $"{ConfigReference.Folder}/{name} is stale: run ./build.sh config-reference and commit it");
        }
    }

    [Fact]
    public void Defaults_come_from_the_options_types()
    {
        var markdown = ConfigReference.Generate(Catalog())[ConfigReference.MarkdownFile];

        Assert.Contains($"| `retention.logDays` | integer | `{IdentityStack.Constructs.LogRetention.ProductionDays} on production stages, {IdentityStack.Constructs.LogRetention.DefaultDays} elsewhere` |", markdown, StringComparison.Ordinal);
        Assert.Contains($"| `api.throttle.rateLimit` | integer | `{new IdentityStack.Constructs.Api.ApiThrottle().RateLimit}` |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `signIn.tokenValidity.refreshDays` | integer | `30` |", markdown, StringComparison.Ordinal);
    }
}
