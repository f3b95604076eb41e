using System.Text.Json;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Triggers;

/// <summary>
/// The <c>_aws</c> member that makes a JSON log line a CloudWatch Embedded Metric Format document:
/// count metrics in namespace <see cref="TriggerMetricNames.Namespace"/>, by the given dimensions.
/// The line itself must carry each metric's value and each dimension's value as top-level members.
/// </summary>
internal static class EmbeddedMetricDirective
{
    public static void Write(Utf8JsonWriter json, DateTimeOffset timestamp, ReadOnlySpan<string> dimensions, ReadOnlySpan<string> countMetrics)
    {
        json.WriteStartObject("_aws");
        json.WriteNumber("Timestamp", timestamp.ToUnixTimeMilliseconds());
        json.WriteStartArray("CloudWatchMetrics");
        json.WriteStartObject();
        json.WriteString("Namespace", TriggerMetricNames.Namespace);
        json.WriteStartArray("Dimensions");
        json.WriteStartArray();
        foreach (var dimension in dimensions)
        {
            json.WriteStringValue(dimension);
        }

        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteStartArray("Metrics");
        foreach (var metric in countMetrics)
        {
            json.WriteStartObject();
            json.WriteString("Name", metric);
            json.WriteString("Unit", "Count");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
