using System.Globalization;
using Amazon.DynamoDBv2;
using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers.Cognito;
using IdentityStack.Triggers.Contract;
using IdentityStack.UserDirectory.Cognito;
using IdentityStack.UserDirectory.Export;
using IdentityStack.UserDirectory.Snapshots;

namespace IdentityStack.Triggers.Backup;

/// <summary>
/// The export function: one step of <see cref="UserDirectoryExport"/> per invocation, until the
/// invocation's deadline. Logs one JSON line per step (phase, parts, throttled calls) for the
/// operator; a failure is the invocation's error, which the state machine retries and then reports.
/// </summary>
internal static class UserDirectoryExportHandler
{
    /// <summary>The handler, from its function's environment; a missing or malformed setting is an init error naming it.</summary>
    public static ILambdaHandler Create(Func<string, string?> environment, Func<IAmazonDynamoDB> dynamoDb, HttpClient http, TextWriter output, TimeProvider time)
    {
        var pool = TriggerSettings.Require(environment(BackupEnvironment.UserPoolId), BackupEnvironment.UserPoolId);
        var bucket = TriggerSettings.Require(environment(BackupEnvironment.Bucket), BackupEnvironment.Bucket);
        var table = TriggerSettings.Require(environment(TriggerEnvironment.DirectoryTable), TriggerEnvironment.DirectoryTable);
        var rate = Number(environment, BackupEnvironment.RequestsPerSecond, 1, 100) ?? new CallPacing().RequestsPerSecond;
        var pages = Number(environment, BackupEnvironment.PagesPerInvocation, 1, 1_000_000);
        var cognito = new UserPoolAdmin(
            new CognitoUserPoolTransport(CognitoJsonClient.FromEnvironment(http, environment, CognitoUserPoolTransport.Service, CognitoUserPoolTransport.EndpointVariable)),
            pool,
            new CallPacing { RequestsPerSecond = rate },
            time);
        var s3 = S3SnapshotStore.CreateClient(environment);
        var export = new UserDirectoryExport(
            cognito,
            new DynamoDbDirectoryTableScan(dynamoDb(), table),
            prefix => new S3SnapshotStore(s3, bucket, prefix),
            new ExportSettings { UserPoolId = pool, Stage = environment(BackupEnvironment.Stage), PagesPerInvocation = pages is { } p ? (int)p : null },
            time);
        return new JsonLambdaHandler<ExportState, ExportState>(SnapshotJsonContext.Default.ExportState, SnapshotJsonContext.Default.ExportState, async (state, context, cancellationToken) =>
        {
            var next = await export.ContinueAsync(state, context.Deadline, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $$"""{"export":"{{next.Snapshot}}","phase":"{{next.Phase}}","parts":{{next.Parts.Count}},"invocations":{{next.Invocations}},"throttled":{{next.Throttled}},"done":{{(next.Done ? "true" : "false")}}}""")).ConfigureAwait(false);
            return next;
        });
    }

    private static double? Number(Func<string, string?> environment, string name, double min, double max)
    {
        var text = environment(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{name} is '{text}'; set a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
    }
}
