using System.Text.Json;

namespace IdentityStack.App.Tests.Fixtures;

/// <summary>Finds files of this repository (the directory holding IdentityStack.sln) from the test output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The "context" object of cdk.json, as plain CLR values jsii can pass to the CDK app.</summary>
    public static Dictionary<string, object?> CdkJsonContext()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf("cdk.json")));
        return (Dictionary<string, object?>)ToPlain(document.RootElement.GetProperty("context"))!;
    }

    /// <summary>A JSON value as the dictionaries, arrays and primitives the CDK context holds.</summary>
    public static object? ToPlain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToPlain(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(ToPlain).ToArray(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt32(out var i) ? i : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IdentityStack.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("IdentityStack.sln not found above " + AppContext.BaseDirectory);
    }
}
