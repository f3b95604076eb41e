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

    /// <summary>Every resource of <paramref name="type"/>, by logical id.</summary>
    public static Dictionary<string, JsonElement> OfType(Template template, string type) =>
        JsonSerializer.SerializeToElement(template.FindResources(type)).EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    /// <summary>The whole template.</summary>
    public static JsonElement Whole(Template template) => JsonSerializer.SerializeToElement(template.ToJSON());

    /// <summary>A JSON literal as the plain dictionaries CDK assertions take.</summary>
    public static object Pattern(string json)
    {
        using var document = JsonDocument.Parse(json);
        return RepositoryFiles.ToPlain(document.RootElement)!;
    }
}
