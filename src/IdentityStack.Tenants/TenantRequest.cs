using System.Text.Json;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Tenants;

/// <summary>One run of identity-tenant: the action, the tenant, and where the stage's directory table is.</summary>
internal sealed partial record TenantRequest(TenantAction Action, string Tenant, string Stage, string Table, string Region)
{
    public const string Usage =
        "identity-tenant create|suspend|resume|show|list-users TENANT --stage NAME [--outputs FILE] [--table NAME --region REGION]";

    private static readonly Dictionary<string, TenantAction> Actions = new(StringComparer.Ordinal)
    {
        ["create"] = TenantAction.Create,
        ["suspend"] = TenantAction.Suspend,
        ["resume"] = TenantAction.Resume,
        ["show"] = TenantAction.Show,
        ["list-users"] = TenantAction.ListUsers,
    };

    /// <summary>
    /// The request the arguments describe, or the one-line reason they do not. The table and region
    /// come from --table and --region, else from the stage's deploy outputs
    /// (<c>artifacts/&lt;stage&gt;/cdk-outputs.json</c>, or --outputs): its DirectoryTableName, and the
    /// region of its UserPoolId.
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
            return (null, $"tenant \"{Printable(tenant)}\": use a tenant id: {TriggerSettingFormats.TenantIdShape}.");
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 2; i < args.Count; i += 2)
        {
            if (args[i] is not ("--stage" or "--outputs" or "--table" or "--region") || i + 1 >= args.Count)
            {
                return (null, $"unknown option or missing value '{Printable(args[i])}': " + Usage);
            }

            if (!options.TryAdd(args[i], args[i + 1]))
            {
                return (null, $"{args[i]} is given twice; give it once.");
            }
        }

        if (!options.TryGetValue("--stage", out var stage) || !StageName().IsMatch(stage))
        {
            return (null, "give the stage: --stage NAME (a stage of cdk.json, e.g. prod).");
        }

        if (options.TryGetValue("--table", out var table))
        {
            return options.TryGetValue("--region", out var region) && RegionCode().IsMatch(region) && TableName().IsMatch(table)
                ? (new TenantRequest(action, tenant, stage, table, region), null)
                : (null, "--table needs a DynamoDB table name and --region a region code, e.g. --table identity-dir --region eu-west-1.");
        }

        var outputs = options.TryGetValue("--outputs", out var file) ? file : Path.Combine(workingDirectory, "artifacts", stage, "cdk-outputs.json");
        return FromOutputs(action, tenant, stage, outputs);
    }

    private static (TenantRequest?, string?) FromOutputs(TenantAction action, string tenant, string stage, string file)
    {
        if (!File.Exists(file))
        {
            return (null, $"{file} not found: deploy the stage first (./build.sh deploy --stage {stage} writes it), or give --outputs FILE or --table NAME --region REGION.");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("IdentityStack-" + stage, out var outputs)
                || outputs.ValueKind != JsonValueKind.Object
                || !outputs.TryGetProperty("DirectoryTableName", out var table) || table.ValueKind != JsonValueKind.String || !TableName().IsMatch(table.GetString()!)
                || !outputs.TryGetProperty("UserPoolId", out var pool) || pool.ValueKind != JsonValueKind.String || PoolRegion().Match(pool.GetString()!) is not { Success: true } region)
            {
                return (null, $"{file} has no DirectoryTableName and UserPoolId of IdentityStack-{stage}: deploy the stage with this version (./build.sh deploy --stage {stage}), or give --table NAME --region REGION.");
            }

            return (new TenantRequest(action, tenant, stage, table.GetString()!, region.Groups["region"].Value), null);
        }
        catch (JsonException error)
        {
            return (null, $"{file} is not JSON ({error.Message}).");
        }
    }

    /// <summary>The text with control characters shown as '?' and cut at 80 characters: a refusal quotes input, never replays it.</summary>
    private static string Printable(string text)
    {
        var cut = text.Length > 80 ? text[..80] + "..." : text;
        return new string([.. cut.Select(c => char.IsControl(c) ? '?' : c)]);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9-]{0,15}$", System.Text.RegularExpressions.RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial System.Text.RegularExpressions.Regex StageName();

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$", System.Text.RegularExpressions.RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial System.Text.RegularExpressions.Regex RegionCode();

    [System.Text.RegularExpressions.GeneratedRegex("^(?<region>[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9])_[0-9A-Za-z]+$", System.Text.RegularExpressions.RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial System.Text.RegularExpressions.Regex PoolRegion();

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_.-]{3,255}$", System.Text.RegularExpressions.RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial System.Text.RegularExpressions.Regex TableName();
}
