using System.Globalization;
using System.Text.Json;
using IdentityStack.Operations;
using IdentityStack.UserDirectory.Restore;
using IdentityStack.UserDirectory.Snapshots;

namespace IdentityStack.Restore;

/// <summary>What a run prints and writes: the summary, the sub mapping file and the audit line.</summary>
internal static class RestoreOutput
{
    /// <summary>The summary lines, what the operator must do next included.</summary>
    public static IEnumerable<string> Summary(RestoreReport report, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(report);
        var verb = dryRun ? "would be " : string.Empty;
        yield return string.Create(CultureInfo.InvariantCulture,
            $"{(dryRun ? "dry run: " : string.Empty)}users: {report.UsersCreated} {verb}created, {report.UsersPresent} already there; groups: {report.GroupsCreated} {verb}created; memberships: {report.MembershipsAdded} {verb}added; directory items: {report.ItemsWritten} {verb}written, {report.ItemsPresent} already there, {report.ItemsSkipped} not for restored users");
        if (!report.Changed && report.Failures.Count == 0)
        {
            yield return "nothing to change: the pool and the table already hold everything of the snapshot";
        }

        if (report.UsersCreated > 0)
        {
            yield return "recreated users have no password (Cognito exports none): each signs in after \"Forgot password\" (a code to their verified email or phone); their MFA is set up again at sign-in";
        }

        if (report.NeedAdminReset.Count > 0)
        {
            yield return $"without a verified email or phone, these cannot reset alone; set a temporary password for each (aws cognito-idp admin-set-user-password, no --permanent): {string.Join(", ", report.NeedAdminReset)}";
        }

        if (report.FederatedSkipped.Count > 0)
        {
            yield return $"federated users are not created: their provider brings them back at their next sign-in (with a new sub): {string.Join(", ", report.FederatedSkipped)}";
        }

        foreach (var failure in report.Failures)
        {
            yield return "refused: " + failure;
        }
    }

    /// <summary>Writes old sub -> new sub, with where it came from, for moving data keyed by sub.</summary>
    public static async Task WriteMappingAsync(RestoreRequest request, SnapshotManifest manifest, RestoreReport report)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(request.MappingFile))!);
        var file = File.Create(request.MappingFile);
        await using (file.ConfigureAwait(false))
        {
            using var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
            WriteMapping(writer, request, manifest, report);
            await writer.FlushAsync().ConfigureAwait(false);
        }
    }

    private static void WriteMapping(Utf8JsonWriter writer, RestoreRequest request, SnapshotManifest manifest, RestoreReport report)
    {
        writer.WriteStartObject();
        writer.WriteString("snapshot", request.Snapshot);
        writer.WriteString("fromPool", manifest.UserPoolId);
        writer.WriteString("toPool", request.UserPoolId);
        writer.WriteStartObject("subs");
        foreach (var (old, current) in report.SubMapping.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            writer.WriteString(old, current);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The audit line every run prints last: who, what, when, outcome.</summary>
    public static string AuditLine(RestoreRequest request, SnapshotManifest manifest, string who, DateTimeOffset when, string outcome)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(manifest);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("audit", "restore-users");
            writer.WriteString("stage", request.Stage);
            writer.WriteString("snapshot", request.Snapshot);
            writer.WriteString("fromPool", manifest.UserPoolId);
            writer.WriteString("toPool", request.UserPoolId);
            writer.WriteString("table", request.Table);
            writer.WriteBoolean("dryRun", request.DryRun);
            writer.WriteString("who", who);
            writer.WriteString("when", OperationsRun.Timestamp(when));
            writer.WriteString("outcome", outcome);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
