using System.Text.RegularExpressions;
using IdentityStack.Constructs;
using IdentityStack.Constructs.UserPools;

namespace IdentityStack.App.Configuration;

/// <summary>Reads <c>stages.{name}.retention</c>.</summary>
internal static partial class RetentionConfigReader
{
    /// <summary>stages.{name}.retention: log days (CloudWatch's accepted values; 365 on production stages, 30 elsewhere) and days of noncurrent file versions (30).</summary>
    public static (int LogDays, int NoncurrentVersionDays) Read(JsonObjectReader? reader, bool production)
    {
        var defaultDays = production ? LogRetention.ProductionDays : LogRetention.DefaultDays;
        if (reader is null)
        {
            return (defaultDays, 30);
        }

        var logDays = reader.Int("logDays", 1, 3653);
        if (logDays is { } days && !LogRetention.AcceptedDays.Contains(days))
        {
            reader.Problem("logDays", days.ToString(System.Globalization.CultureInfo.InvariantCulture), "CloudWatch Logs keeps logs for one of " + string.Join(", ", LogRetention.AcceptedDays) + " days; pick one.");
        }

        var noncurrent = reader.Int("noncurrentVersionDays", 1, 3650);
        reader.RejectUnknownFields();
        return (logDays ?? defaultDays, noncurrent ?? 30);
    }
}
