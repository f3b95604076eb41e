using IdentityStack.Testing;

namespace IdentityStack.App.Tests.Fixtures;

/// <summary>Files of this repository, and cdk.json context as plain values.</summary>
internal static class RepositoryFiles
{
    public static string Root => RepositoryRoot.Path;

    public static string PathOf(string relative) => RepositoryRoot.File(relative);

    /// <summary>The "context" object of cdk.json, as plain CLR values jsii can pass to the CDK app.</summary>
    public static Dictionary<string, object?> CdkJsonContext()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf("cdk.json")));
        return (Dictionary<string, object?>)ToPlain(document.RootElement.GetProperty("context"))!;
    }

    /// <summary>The account a stage of cdk.json names, or null for an account-agnostic stage.</summary>
    public static string? StageAccount(string stage) =>
        CdkJsonContext()["stages"] is Dictionary<string, object?> stages && stages[stage] is Dictionary<string, object?> config && config.TryGetValue("account", out var account)
            ? account as string
            : null;

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
}
