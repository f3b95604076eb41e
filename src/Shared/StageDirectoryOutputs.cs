using System.Text.Json;
using System.Text.RegularExpressions;

namespace IdentityStack.Operations;

/// <summary>
/// A stage's user pool, directory table and region as its deploy outputs give them
/// (<c>artifacts/&lt;stage&gt;/cdk-outputs.json</c>, which <c>./build.sh deploy</c> writes), read the
/// same way by every day-2 tool; or the one-line reason they cannot be read.
/// </summary>
internal static partial class StageDirectoryOutputs
{
    /// <summary>The default outputs file of <paramref name="stage"/> under <paramref name="workingDirectory"/>.</summary>
    public static string DefaultFile(string workingDirectory, string stage) => Path.Combine(workingDirectory, "artifacts", stage, "cdk-outputs.json");

    /// <summary>The pool, table and region of <paramref name="stage"/> in <paramref name="file"/>, or the refusal.</summary>
    public static (string? UserPoolId, string? Table, string? Region, string? Refusal) Read(string file, string stage)
    {
        if (!File.Exists(file))
        {
            return (null, null, null, $"{file} not found: deploy the stage first (./build.sh deploy --stage {stage} writes it), or give --table NAME --region REGION (and the pool where the command needs it).");
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
                return (null, null, null, $"{file} has no DirectoryTableName and UserPoolId of IdentityStack-{stage}: deploy the stage with this version (./build.sh deploy --stage {stage}), or give --table NAME --region REGION (and the pool where the command needs it).");
            }

            return (pool.GetString(), table.GetString(), region.Groups["region"].Value, null);
        }
        catch (JsonException error)
        {
            return (null, null, null, $"{file} is not JSON ({error.Message}).");
        }
    }

    /// <summary>The region of a user pool id (<c>eu-west-1_AbC123</c>), or null when it is not one.</summary>
    public static string? RegionOfPool(string poolId) => PoolRegion().Match(poolId) is { Success: true } match ? match.Groups["region"].Value : null;

    /// <summary>Whether <paramref name="code"/> is a region code (eu-west-1).</summary>
    public static bool IsRegion(string code) => RegionCode().IsMatch(code);

    /// <summary>Whether <paramref name="id"/> has a user pool id's shape (Cognito's pattern: letters, digits, '-' before '_').</summary>
    public static bool IsPoolId(string id) => PoolId().IsMatch(id);

    /// <summary>Whether <paramref name="name"/> is a DynamoDB table name.</summary>
    public static bool IsTableName(string name) => TableName().IsMatch(name);

    /// <summary>Whether <paramref name="name"/> is a stage name.</summary>
    public static bool IsStageName(string name) => StageName().IsMatch(name);

    /// <summary>The text with control characters shown as '?' and cut at 80 characters: a refusal quotes input, never replays it.</summary>
    public static string Printable(string text)
    {
        var cut = text.Length > 80 ? text[..80] + "..." : text;
        return new string([.. cut.Select(c => char.IsControl(c) ? '?' : c)]);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,15}$", RegexOptions.ExplicitCapture, 100)]
    private static partial Regex StageName();

    [GeneratedRegex("^(?<region>[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9])_[0-9A-Za-z]+$", RegexOptions.ExplicitCapture, 100)]
    private static partial Regex PoolRegion();

    [GeneratedRegex("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$", RegexOptions.ExplicitCapture, 100)]
    private static partial Regex RegionCode();

    [GeneratedRegex(@"^[\w-]{1,30}_[0-9a-zA-Z]{1,30}$", RegexOptions.ExplicitCapture, 100)]
    private static partial Regex PoolId();

    [GeneratedRegex("^[A-Za-z0-9_.-]{3,255}$", RegexOptions.ExplicitCapture, 100)]
    private static partial Regex TableName();
}
