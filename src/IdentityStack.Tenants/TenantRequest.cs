using IdentityStack.Operations;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Tenants;

/// <summary>
/// One run of identity-tenant: the action, the tenant, where the stage's directory table (and, for
/// offboard, its user pool) are, and offboard's folder and confirmation.
/// </summary>
internal sealed record TenantRequest(TenantAction Action, string Tenant, string Stage, string Table, string Region)
{
    public const string Usage =
        "identity-tenant create|suspend|resume|show|list-users|offboard TENANT --stage NAME [--outputs FILE | --table NAME --region REGION [--user-pool-id ID]] [--out DIR] [--yes]";

    private static readonly Dictionary<string, TenantAction> Actions = new(StringComparer.Ordinal)
    {
        ["create"] = TenantAction.Create,
        ["suspend"] = TenantAction.Suspend,
        ["resume"] = TenantAction.Resume,
        ["show"] = TenantAction.Show,
        ["list-users"] = TenantAction.ListUsers,
        ["offboard"] = TenantAction.Offboard,
    };

    private static readonly HashSet<string> ValueOptions = new(StringComparer.Ordinal) { "--stage", "--outputs", "--table", "--region", "--user-pool-id", "--out" };

    /// <summary>The stage's user pool (offboard needs it; null for the other actions when not known).</summary>
    public string? UserPoolId { get; init; }

    /// <summary>Where offboard writes the tenant's snapshot.</summary>
    public string? OutDirectory { get; init; }

    /// <summary>Offboard without asking (CI, or a script that has asked already).</summary>
    public bool Yes { get; init; }

    /// <summary>
    /// The request the arguments describe, or the one-line reason they do not. The table, region and
    /// pool come from --table, --region and --user-pool-id, else from the stage's deploy outputs
    /// (<c>artifacts/&lt;stage&gt;/cdk-outputs.json</c>, or --outputs).
    /// </summary>
    public static (TenantRequest? Request, string? Refusal) Parse(IReadOnlyList<string> args, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count < 2 || !Actions.TryGetValue(args[0], out var action))
        {
            return (null, "say what to do and to which tenant: " + Usage);
        }

        var tenant = args[1];
        if (!TriggerSettingFormats.TenantId().IsMatch(tenant))
        {
            return (null, $"tenant \"{StageDirectoryOutputs.Printable(tenant)}\": use a tenant id: {TriggerSettingFormats.TenantIdShape}.");
        }

        var (options, yes, refusal) = Options(args);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        if (action != TenantAction.Offboard && (yes || options.ContainsKey("--out") || options.ContainsKey("--user-pool-id")))
        {
            return (null, "--yes, --out and --user-pool-id are for offboard only: " + Usage);
        }

        if (!options.TryGetValue("--stage", out var stage) || !StageDirectoryOutputs.IsStageName(stage))
        {
            return (null, "give the stage: --stage NAME (a stage of cdk.json, e.g. prod).");
        }

        var (table, region, pool, where) = Target(options, workingDirectory, stage);
        if (where is not null)
        {
            return (null, where);
        }

        if (action == TenantAction.Offboard && pool is null)
        {
            return (null, "offboard disables users in the pool: with --table and --region, give --user-pool-id too (the stage's UserPoolId output).");
        }

        var folder = options.TryGetValue("--out", out var out_) ? out_ : Path.Combine(workingDirectory, "artifacts", stage, "offboard", tenant);
        return (new TenantRequest(action, tenant, stage, table!, region!) { UserPoolId = pool, OutDirectory = folder, Yes = yes }, null);
    }

    private static (Dictionary<string, string> Options, bool Yes, string? Refusal) Options(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var yes = false;
        for (var i = 2; i < args.Count; i++)
        {
            if (string.Equals(args[i], "--yes", StringComparison.Ordinal) && !yes)
            {
                yes = true;
            }
            else if (!ValueOptions.Contains(args[i]) || i + 1 >= args.Count)
            {
                return (options, yes, $"unknown option or missing value '{StageDirectoryOutputs.Printable(args[i])}': " + Usage);
            }
            else if (!options.TryAdd(args[i], args[++i]))
            {
                return (options, yes, $"{args[i - 1]} is given twice; give it once.");
            }
        }

        return (options, yes, null);
    }

    private static (string? Table, string? Region, string? Pool, string? Refusal) Target(Dictionary<string, string> options, string workingDirectory, string stage)
    {
        if (options.TryGetValue("--table", out var table))
        {
            var pool = options.TryGetValue("--user-pool-id", out var given) ? given : null;
            if (!options.TryGetValue("--region", out var region) || !StageDirectoryOutputs.IsRegion(region) || !StageDirectoryOutputs.IsTableName(table))
            {
                return (null, null, null, "--table needs a DynamoDB table name and --region a region code, e.g. --table identity-dir --region eu-west-1.");
            }

            return pool is null || StageDirectoryOutputs.IsPoolId(pool)
                ? (table, region, pool, null)
                : (null, null, null, $"--user-pool-id \"{StageDirectoryOutputs.Printable(pool)}\": give the stage's user pool id, e.g. eu-west-1_AbC123.");
        }

        if (options.ContainsKey("--region") || options.ContainsKey("--user-pool-id"))
        {
            return (null, null, null, "--region and --user-pool-id go with --table; with --outputs the stage's outputs say them.");
        }

        var file = options.TryGetValue("--outputs", out var outputs) ? outputs : StageDirectoryOutputs.DefaultFile(workingDirectory, stage);
        var read = StageDirectoryOutputs.Read(file, stage);
        return (read.Table, read.Region, read.UserPoolId, read.Refusal);
    }
}
