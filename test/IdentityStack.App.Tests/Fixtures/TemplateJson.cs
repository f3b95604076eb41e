using System.Text.Json;
using Amazon.CDK.Assertions;

namespace IdentityStack.App.Tests.Fixtures;

/// <summary>Reads synthesized resources as JSON, for assertions that compare values across resources.</summary>
internal static class TemplateJson
{
    /// <summary>The one resource of <paramref name="type"/> (fails if there is not exactly one).</summary>
    public static JsonElement Single(Template template, string type)
    {
        var resources = JsonSerializer.SerializeToElement(template.FindResources(type));
        var all = resources.EnumerateObject().ToList();
        Assert.True(all.Count == 1, $"expected exactly one {type}, found {all.Count}");
        return all[0].Value;
    }

    /// <summary>A JSON literal as the plain dictionaries CDK assertions take.</summary>
    public static object Pattern(string json)
    {
        using var document = JsonDocument.Parse(json);
        return RepositoryFiles.ToPlain(document.RootElement)!;
    }
}
