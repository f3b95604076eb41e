using System.Text.Json.Nodes;

namespace IdentityStack.EndToEnd.Tests.Template;

/// <summary>
/// Resolves the intrinsic functions a synthesized template uses in the properties the local run
/// reads (<c>Ref</c>, <c>Fn::GetAtt</c>, <c>Fn::Join</c>) to the local resources' ids. Anything
/// else is an error, so a template that starts using one is noticed rather than half-read.
/// </summary>
/// <param name="reference">The physical id of a resource by logical id (what <c>Ref</c> gives).</param>
/// <param name="attribute">An attribute of a resource by logical id and attribute name.</param>
internal sealed class TemplateValues(Func<string, string> reference, Func<string, string, string> attribute)
{
    public JsonNode? Resolve(JsonNode? node) => node switch
    {
        JsonObject { Count: 1 } o when o.ContainsKey("Ref") => reference((string)o["Ref"]!),
        JsonObject { Count: 1 } o when o["Fn::GetAtt"] is JsonArray { Count: 2 } a => attribute((string)a[0]!, (string)a[1]!),
        JsonObject { Count: 1 } o when o["Fn::Join"] is JsonArray { Count: 2 } j =>
            string.Join((string)j[0]!, ((JsonArray)j[1]!).Select(p => (string?)Resolve(p))),
        JsonObject { Count: 1 } o when o.Single().Key.StartsWith("Fn::", StringComparison.Ordinal) =>
            throw new NotSupportedException($"The end-to-end run does not resolve {o.Single().Key}: {o.ToJsonString()}"),
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Resolve(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Resolve)]),
        _ => node?.DeepClone(),
    };

    public string ResolveString(JsonNode? node) =>
        (string?)Resolve(node) ?? throw new InvalidDataException($"expected a string, found {node?.ToJsonString() ?? "nothing"}");
}
