using System.Text.Json;
using IdentityStack.Operations;

namespace IdentityStack.Tenants;

/// <summary>
/// The audit line every run prints last, reads included: who (the AWS principal that ran it),
/// what (action, tenant, stage, table, outcome) and when, as one JSON object, for the shell's log
/// and CI's job log. The tenant item records the last change's who and when as well.
/// </summary>
internal static class TenantAudit
{
    public static string Line(TenantRequest request, string who, DateTimeOffset when, string outcome)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("audit", "tenant");
            writer.WriteString("action", ActionName(request.Action));
            writer.WriteString("tenant", request.Tenant);
            writer.WriteString("stage", request.Stage);
            writer.WriteString("table", request.Table);
            writer.WriteString("who", who);
            writer.WriteString("when", OperationsRun.Timestamp(when));
            writer.WriteString("outcome", outcome);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string ActionName(TenantAction action) => action switch
    {
        TenantAction.ListUsers => "list-users",
        _ => action.ToString().ToLowerInvariant(),
    };
}
