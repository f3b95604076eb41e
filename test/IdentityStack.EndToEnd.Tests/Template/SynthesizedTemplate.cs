using System.Text.Json.Nodes;
using IdentityStack.Testing;

namespace IdentityStack.EndToEnd.Tests.Template;

/// <summary>
/// A stack template as <c>cdk synth</c> wrote it into cdk.out/: the end-to-end run builds the
/// local user pool, triggers and authorizer from it, so nothing is repeated by hand.
/// </summary>
internal sealed class SynthesizedTemplate(string path, JsonObject resources)
{
    public string Path { get; } = path;

    public static SynthesizedTemplate Load(string stage)
    {
        var path = RepositoryRoot.File(System.IO.Path.Combine("cdk.out", $"IdentityStack-{stage}.template.json"));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: synthesize the stage first (./build.sh synth --stage {stage}).", path);
        }

        var resources = JsonNode.Parse(File.ReadAllText(path))?["Resources"] as JsonObject
            ?? throw new InvalidDataException($"{path} has no Resources section.");
        return new SynthesizedTemplate(path, resources);
    }

    /// <summary>Every resource of a CloudFormation type, by logical id.</summary>
    public IEnumerable<(string LogicalId, JsonObject Properties)> OfType(string type) =>
        resources
            .Where(r => string.Equals((string?)r.Value?["Type"], type, StringComparison.Ordinal))
            .Select(r => (r.Key, r.Value?["Properties"] as JsonObject ?? []));

    /// <summary>The one resource of a type; the template must have exactly one.</summary>
    public (string LogicalId, JsonObject Properties) Single(string type)
    {
        var found = OfType(type).ToList();
        return found.Count == 1
            ? found[0]
            : throw new InvalidDataException($"{Path}: expected one {type}, found {found.Count}.");
    }

    /// <summary>The properties of a resource by logical id.</summary>
    public JsonObject Properties(string logicalId) =>
        resources[logicalId]?["Properties"] as JsonObject
            ?? throw new InvalidDataException($"{Path}: no resource '{logicalId}'.");
}
