using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IdentityStack.Testing;

/// <summary>
/// A DynamoDB table in memory, keyed by <c>pk</c>, answering the operations the directory tools use
/// the way DynamoDB does: PutItem (with <c>attribute_not_exists</c>), UpdateItem (<c>SET</c> of
/// named values, creating the item), GetItem, Query of an index by one attribute's value, Scan in pages
/// by key, and DeleteItem. Plug
/// its <see cref="Answer"/> into <see cref="RecordingDynamoDb.Answer"/>; other operations get
/// <paramref name="fallback"/>'s answer.
/// </summary>
internal sealed class InMemoryDynamoDbTable(Func<string, JsonElement, (HttpStatusCode Status, string Body)>? fallback = null)
{
    public ConcurrentDictionary<string, JsonObject> Items { get; } = new(StringComparer.Ordinal);

    public (HttpStatusCode Status, string Body) Answer(string operation, JsonElement body)
    {
        switch (operation)
        {
            case "PutItem":
            {
                var item = (JsonObject)JsonNode.Parse(body.GetProperty("Item").GetRawText())!;
                var key = item["pk"]!["S"]!.GetValue<string>();
                if (body.TryGetProperty("ConditionExpression", out var condition) && condition.GetString()!.StartsWith("attribute_not_exists", StringComparison.Ordinal) && Items.ContainsKey(key))
                {
                    return RecordingDynamoDb.ConditionalCheckFailed();
                }

                Items[key] = item;
                return (HttpStatusCode.OK, "{}");
            }

            case "UpdateItem":
            {
                var key = body.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString()!;
                var item = Items.GetOrAdd(key, k => new JsonObject { ["pk"] = new JsonObject { ["S"] = k } });
                var names = body.GetProperty("ExpressionAttributeNames");
                var values = body.GetProperty("ExpressionAttributeValues");
                var update = body.GetProperty("UpdateExpression").GetString()!;
                foreach (var assignment in update["SET ".Length..].Split(','))
                {
                    var parts = assignment.Split('=', StringSplitOptions.TrimEntries);
                    item[names.GetProperty(parts[0]).GetString()!] = JsonNode.Parse(values.GetProperty(parts[1]).GetRawText());
                }

                return (HttpStatusCode.OK, "{}");
            }

            case "GetItem" when fallback is null || Items.ContainsKey(body.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString()!):
            {
                var key = body.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString()!;
                return (HttpStatusCode.OK, Items.TryGetValue(key, out var item) ? new JsonObject { ["Item"] = item.DeepClone() }.ToJsonString() : "{}");
            }

            case "Query" when body.TryGetProperty("IndexName", out _):
            {
                var attribute = body.GetProperty("ExpressionAttributeNames").EnumerateObject().Single().Value.GetString()!;
                var value = body.GetProperty("ExpressionAttributeValues").EnumerateObject().Single().Value.GetProperty("S").GetString();
                var matches = Items.Values.Where(i => string.Equals(i[attribute]?["S"]?.GetValue<string>(), value, StringComparison.Ordinal)).OrderBy(i => i["pk"]!["S"]!.GetValue<string>(), StringComparer.Ordinal);
                return (HttpStatusCode.OK, new JsonObject { [nameof(Items)] = new JsonArray([.. matches.Select(m => (JsonNode)m.DeepClone())]), ["Count"] = matches.Count() }.ToJsonString());
            }

            case "Scan":
                return Scan(body);

            case "DeleteItem":
                Items.TryRemove(body.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString()!, out _);
                return (HttpStatusCode.OK, "{}");

            default:
                return fallback?.Invoke(operation, body) ?? (HttpStatusCode.BadRequest, $$"""{"__type":"com.amazon.coral.validate#ValidationException","message":"the in-memory table does not serve {{operation}}"}""");
        }
    }

    /// <summary>Pages of at most Limit (default 2 here, so that tests page) in key order, after ExclusiveStartKey.</summary>
    private (HttpStatusCode Status, string Body) Scan(JsonElement body)
    {
        var limit = body.TryGetProperty("Limit", out var l) ? l.GetInt32() : 2;
        var after = body.TryGetProperty("ExclusiveStartKey", out var start) ? start.GetProperty("pk").GetProperty("S").GetString() : null;
        var keys = Items.Keys.Order(StringComparer.Ordinal).Where(k => after is null || string.CompareOrdinal(k, after) > 0).ToList();
        var page = keys.Take(limit).ToList();
        var answer = new JsonObject { [nameof(Items)] = new JsonArray([.. page.Select(k => (JsonNode)Items[k].DeepClone())]), ["Count"] = page.Count };
        if (keys.Count > limit)
        {
            answer["LastEvaluatedKey"] = new JsonObject { ["pk"] = new JsonObject { ["S"] = page[^1] } };
        }

        return (HttpStatusCode.OK, answer.ToJsonString());
    }
}
