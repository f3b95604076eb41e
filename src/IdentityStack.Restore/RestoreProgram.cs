using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using IdentityStack.Operations;
using IdentityStack.UserDirectory.Cognito;
using IdentityStack.UserDirectory.Restore;
using IdentityStack.UserDirectory.Snapshots;

namespace IdentityStack.Restore;

/// <summary>The steps of a run: arguments, who is running it, the snapshot checked, the restore, the report.</summary>
internal static class RestoreProgram
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var (request, refusal) = RestoreRequest.Parse(args, Directory.GetCurrentDirectory());
        if (request is null)
        {
            await error.WriteLineAsync("identity-restore: " + refusal).ConfigureAwait(false);
            return 2;
        }

        var region = RegionEndpoint.GetBySystemName(request.Region);
        var who = await OperationsRun.CallerArnAsync(region).ConfigureAwait(false);
        if (who.Refusal is not null)
        {
            await error.WriteLineAsync($"identity-restore: no AWS credentials for {request.Region} ({who.Refusal}); sign in (aws sso login, AWS_PROFILE) and run this again.").ConfigureAwait(false);
            return 2;
        }

        var started = DateTimeOffset.UtcNow;
        using var s3 = S3SnapshotStore.CreateClient(Environment.GetEnvironmentVariable, region);
        var location = request.InS3 ? S3SnapshotStore.Parse(request.Snapshot) : null;
        ISnapshotStore store = location is { } s3Folder ? new S3SnapshotStore(s3, s3Folder.Bucket, s3Folder.Prefix) : new LocalSnapshotStore(request.Snapshot);
        SnapshotContents snapshot;
        try
        {
            snapshot = await SnapshotReader.ReadAsync(store, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception refused) when (refused is SnapshotRefusedException or InvalidDataException)
        {
            await error.WriteLineAsync("identity-restore: snapshot refused: " + refused.Message).ConfigureAwait(false);
            return 2;
        }

        if (!string.Equals(snapshot.Manifest.UserPoolId, request.UserPoolId, StringComparison.Ordinal) && !string.Equals(snapshot.Manifest.UserPoolId, request.FromPool, StringComparison.Ordinal))
        {
            await error.WriteLineAsync($"identity-restore: snapshot refused: it is of pool {snapshot.Manifest.UserPoolId}, and stage {request.Stage}'s pool is {request.UserPoolId}; to restore it into this pool on purpose (a replaced pool), add --from-pool {snapshot.Manifest.UserPoolId}.").ConfigureAwait(false);
            return 2;
        }

        var counts = snapshot.Manifest.Counts;
        await output.WriteLineAsync($"snapshot {store.Location}: {snapshot.Manifest.Kind}, pool {snapshot.Manifest.UserPoolId}, taken {snapshot.Manifest.CompletedAt:O}; {counts.Users} users, {counts.Groups} groups, {counts.Memberships} memberships, {counts.DirectoryItems} directory items; digests checked").ConfigureAwait(false);
        return await RestoreIntoAsync(request, region, snapshot, who.Arn!, started, output, error).ConfigureAwait(false);
    }

    private static async Task<int> RestoreIntoAsync(RestoreRequest request, RegionEndpoint region, SnapshotContents snapshot, string who, DateTimeOffset started, TextWriter output, TextWriter error)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var cognito = OperationsRun.UserPool(http, request.Region, request.UserPoolId);
        using var dynamoDb = new AmazonDynamoDBClient(region);
        RestoreReport report;
        try
        {
            report = await new UserDirectoryRestore(cognito, new DynamoDbDirectoryItemStore(dynamoDb, request.Table), output).RunAsync(snapshot, request.DryRun, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception stopped) when (stopped is UserPoolCallException or AmazonServiceException)
        {
            await output.WriteLineAsync(RestoreOutput.AuditLine(request, snapshot.Manifest, who, started, "failed")).ConfigureAwait(false);
            await error.WriteLineAsync($"identity-restore: stopped: {stopped.Message} (pool {request.UserPoolId}, table {request.Table}); what was done is kept, and a second run carries on from there.").ConfigureAwait(false);
            return 1;
        }

        foreach (var line in RestoreOutput.Summary(report, request.DryRun))
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        if (!request.DryRun && report.SubMapping.Count > 0)
        {
            await RestoreOutput.WriteMappingAsync(request, snapshot.Manifest, report).ConfigureAwait(false);
            await output.WriteLineAsync($"old sub -> new sub: {request.MappingFile}").ConfigureAwait(false);
        }

        var outcome = report.Failures.Count > 0 ? "partial" : request.DryRun ? "dry-run" : report.Changed ? "restored" : "unchanged";
        await output.WriteLineAsync(RestoreOutput.AuditLine(request, snapshot.Manifest, who, started, outcome)).ConfigureAwait(false);
        return report.Failures.Count > 0 ? 1 : 0;
    }
}
