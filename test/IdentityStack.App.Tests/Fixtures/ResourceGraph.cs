using System.Text.RegularExpressions;

namespace IdentityStack.App.Tests.Fixtures;

/// <summary>Which resources of a template depend on which (Ref, Fn::GetAtt, ${...} in Fn::Sub, DependsOn).</summary>
internal static partial class ResourceGraph
{
    public static Dictionary<string, HashSet<string>> Dependencies(JsonElement template)
    {
        var resources = template.GetProperty("Resources");
        var ids = resources.EnumerateObject().Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var resource in resources.EnumerateObject())
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            Collect(resource.Value, ids, found);
            found.Remove(resource.Name);
            graph[resource.Name] = found;
        }

        return graph;
    }

    /// <summary>One cycle as "A -> B -> A", or null when the graph has none.</summary>
    public static string? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var node in graph.Keys)
        {
            if (Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;

        string? Visit(string node)
        {
            if (state.GetValueOrDefault(node) == 2)
            {
                return null;
            }

            if (state.GetValueOrDefault(node) == 1)
            {
                return string.Join(" -> ", path.SkipWhile(n => !string.Equals(n, node, StringComparison.Ordinal)).Append(node));
            }

            state[node] = 1;
            path.Add(node);
            foreach (var next in graph[node])
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
    }

    private static void Collect(JsonElement element, HashSet<string> ids, HashSet<string> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is "Ref" && property.Value.ValueKind == JsonValueKind.String && ids.Contains(property.Value.GetString()!))
                    {
                        found.Add(property.Value.GetString()!);
                    }
                    else if (property.Name is "Fn::GetAtt" && property.Value.ValueKind == JsonValueKind.Array && ids.Contains(property.Value[0].GetString()!))
                    {
                        found.Add(property.Value[0].GetString()!);
                    }
                    else if (property.Name is "DependsOn")
                    {
                        var names = property.Value.ValueKind == JsonValueKind.Array ? property.Value.EnumerateArray().Select(v => v.GetString()!) : [property.Value.GetString()!];
                        found.UnionWith(names.Where(ids.Contains));
                    }
                    else if (property.Name is "Fn::Sub")
                    {
                        var text = property.Value.ValueKind == JsonValueKind.Array ? property.Value[0].GetString()! : property.Value.GetString()!;
                        found.UnionWith(SubReference().Matches(text).Select(m => m.Groups["id"].Value).Where(ids.Contains));
                    }

                    Collect(property.Value, ids, found);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, ids, found);
                }

                break;
            default:
                break;
        }
    }

    [GeneratedRegex(@"\$\{(?<id>[A-Za-z0-9]+)(\.[A-Za-z0-9.]+)?\}", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex SubReference();
}
