using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Triggers;

/// <summary>
/// One JSON line per failure or warning in a trigger's log: level, trigger, request id, note, and the
/// error's type, message and stack trace when there is one. A line may also count one of a metric
/// (CloudWatch Embedded Metric Format, namespace <see cref="TriggerMetricNames.Namespace"/>, no dimensions, by <see cref="EmbeddedMetricDirective"/>), which
/// an alarm can watch.
/// </summary>
internal static class TriggerErrorLog
{
    public const string Error = "ERROR";
    public const string Warning = "WARN";

    // Relaxed escaping keeps quotes and apostrophes readable in CloudWatch; the line is never HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Line(string level, string trigger, string requestId, Exception? error, string? note = null, string? metric = null)
    {
        if (error is null && note is null)
        {
            throw new ArgumentException("A log line needs an error or a note.", nameof(note));
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            if (metric is not null)
            {
                EmbeddedMetricDirective.Write(json, DateTimeOffset.UtcNow, [], [metric]);
                json.WriteNumber(metric, 1);
            }

            json.WriteString("level", level);
            json.WriteString("trigger", trigger);
            json.WriteString("requestId", requestId);
            if (note is not null)
            {
                json.WriteString("note", note);
            }

            if (error is not null)
            {
                json.WriteString("errorType", error.GetType().FullName);
                json.WriteString("errorMessage", error.Message);
                json.WriteString("stackTrace", error.ToString());
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
