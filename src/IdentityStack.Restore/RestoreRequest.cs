using System.Text.RegularExpressions;
using IdentityStack.Operations;
using IdentityStack.UserDirectory.Snapshots;

namespace IdentityStack.Restore;

/// <summary>One run of identity-restore: the snapshot, the stage's pool and table, and how.</summary>
internal sealed partial record RestoreRequest(string Stage, string Snapshot, string UserPoolId, string Table, string Region, bool DryRun, string? FromPool, string MappingFile)
{
    public const string Usage =
        "identity-restore --stage NAME --snapshot PATH_OR_S3_URI [--dry-run] [--from-pool POOL_ID] [--mapping FILE] [--outputs FILE | --user-pool-id ID --table NAME [--region REGION]]";

    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal) { "--stage", "--snapshot", "--from-pool", "--mapping", "--outputs", "--user-pool-id", "--table", "--region" };

    /// <summary>Whether the snapshot is in S3 (else a local folder).</summary>
    public bool InS3 => Snapshot.StartsWith("s3://", StringComparison.Ordinal);

    /// <summary>The request the arguments describe, or the one-line reason they do not.</summary>
    public static (RestoreRequest? Request, string? Refusal) Parse(IReadOnlyList<string> args, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var dryRun = false;
        for (var i = 0; i < args.Count; i++)
        {
            if (string.Equals(args[i], "--dry-run", StringComparison.Ordinal) && !dryRun)
            {
                dryRun = true;
            }
            else if (ValueOptions.Contains(args[i]) && i + 1 < args.Count)
            {
                if (!options.TryAdd(args[i], args[++i]))
                {
                    return (null, $"{args[i - 1]} is given twice; give it once.");
                }
            }
            else
            {
                return (null, $"unknown option, repeated flag or missing value '{StageDirectoryOutputs.Printable(args[i])}': " + Usage);
            }
        }

        if (!options.TryGetValue("--stage", out var stage) || !StageDirectoryOutputs.IsStageName(stage))
        {
            return (null, "give the stage to restore into: --stage NAME (a stage of cdk.json, e.g. prod).");
        }

        if (!options.TryGetValue("--snapshot", out var snapshot) || !IsSnapshotLocation(snapshot))
        {
            return (null, "give the snapshot: --snapshot s3://<backup bucket>/snapshots/<time>/ (BackupBucketName of the stage's outputs) or a local folder that holds manifest.json.");
        }

        string? fromPool = null;
        if (options.TryGetValue("--from-pool", out var from) && !StageDirectoryOutputs.IsPoolId(from))
        {
            return (null, $"--from-pool \"{StageDirectoryOutputs.Printable(from)}\": give the user pool id the snapshot's manifest names, e.g. eu-west-1_AbC123.");
        }
        else if (from is not null)
        {
            fromPool = from;
        }

        var (pool, table, region, refusal) = Target(options, workingDirectory, stage);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        var mapping = options.TryGetValue("--mapping", out var file)
            ? file
            : Path.Combine(workingDirectory, "artifacts", stage, $"restore-{FolderName(snapshot)}-subs.json");
        return (new RestoreRequest(stage, snapshot, pool!, table!, region!, dryRun, fromPool, mapping), null);
    }

    private static (string? Pool, string? Table, string? Region, string? Refusal) Target(Dictionary<string, string> options, string workingDirectory, string stage)
    {
        if (options.TryGetValue("--user-pool-id", out var pool) || options.ContainsKey("--table"))
        {
            if (pool is null || !StageDirectoryOutputs.IsPoolId(pool) || !options.TryGetValue("--table", out var table) || !StageDirectoryOutputs.IsTableName(table))
            {
                return (null, null, null, "--user-pool-id and --table go together: the pool id (e.g. eu-west-1_AbC123) and the directory table's name.");
            }

            var region = options.TryGetValue("--region", out var given) ? given : StageDirectoryOutputs.RegionOfPool(pool);
            return region is not null && StageDirectoryOutputs.IsRegion(region)
                ? (pool, table, region, null)
                : (null, null, null, "--region: give the region code of the pool, e.g. eu-west-1.");
        }

        if (options.ContainsKey("--region"))
        {
            return (null, null, null, "--region goes with --user-pool-id and --table; with --outputs the pool id says the region.");
        }

        var outputs = options.TryGetValue("--outputs", out var file) ? file : StageDirectoryOutputs.DefaultFile(workingDirectory, stage);
        var read = StageDirectoryOutputs.Read(outputs, stage);
        return (read.UserPoolId, read.Table, read.Region, read.Refusal);
    }

    private static bool IsSnapshotLocation(string snapshot) =>
        snapshot.StartsWith("s3://", StringComparison.Ordinal) ? S3SnapshotStore.Parse(snapshot) is not null : snapshot.Length is > 0 and < 4096 && !snapshot.Contains('\0', StringComparison.Ordinal);

    /// <summary>The snapshot folder's own name (its time), for the mapping file's name.</summary>
    private static string FolderName(string snapshot)
    {
        var name = snapshot.TrimEnd('/', Path.DirectorySeparatorChar).Split('/', Path.DirectorySeparatorChar)[^1];
        return SafeName().IsMatch(name) ? name : "snapshot";
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$", RegexOptions.ExplicitCapture, 100)]
    private static partial Regex SafeName();
}
