using IdentityStack.Constructs.Backup;

namespace IdentityStack.App.Configuration;

/// <summary>
/// Reads <c>stages.{name}.backup</c>: whether the user directory is exported on a schedule (on by
/// default for production stages; a section turns it on elsewhere, enabled: false off anywhere), how often, how long snapshots are kept, how hard the export may
/// call Cognito, and the Object Lock mode. The rules live in <see cref="UserDirectoryBackupOptions.Problems"/>.
/// </summary>
internal static class BackupConfigReader
{
    private static readonly IReadOnlyDictionary<string, BackupLockMode> LockModes = JsonObjectReader.UpperCaseChoices<BackupLockMode>();

    private static readonly Dictionary<string, string> ConfigNames = new(StringComparer.Ordinal)
    {
        [nameof(UserDirectoryBackupOptions.IntervalHours)] = "intervalHours",
        [nameof(UserDirectoryBackupOptions.RetentionDays)] = "retentionDays",
        [nameof(UserDirectoryBackupOptions.RequestsPerSecond)] = "requestsPerSecond",
        [nameof(UserDirectoryBackupOptions.LockMode)] = "lockMode",
    };

    /// <summary>The backup's options, or null when the stage has none.</summary>
    public static UserDirectoryBackupOptions? Read(JsonObjectReader? reader, bool production)
    {
        var defaults = new UserDirectoryBackupOptions();
        if (reader is null)
        {
            return production ? defaults : null;
        }

        // A backup section turns the backup on; production stages have one whether they say so or not.
        var enabled = reader.Bool("enabled", true);
        var options = defaults with
        {
            IntervalHours = reader.WholeNumber("intervalHours") ?? defaults.IntervalHours,
            RetentionDays = reader.WholeNumber("retentionDays") ?? defaults.RetentionDays,
            RequestsPerSecond = reader.WholeNumber("requestsPerSecond") ?? defaults.RequestsPerSecond,
            LockMode = reader.Choice("lockMode", defaults.LockMode, LockModes),
        };
        reader.RejectUnknownFields();
        reader.PropsProblems(options.Problems(), ConfigNames);
        return enabled ? options : null;
    }
}
