using System.Globalization;

namespace IdentityStack.Constructs.Backup;

/// <summary>
/// The backup's settings, apart from what it is wired to (<see cref="UserDirectoryBackupProps"/>):
/// what a configuration file can say. <see cref="Problems"/> is the one home of the rules.
/// </summary>
public record UserDirectoryBackupOptions
{
    /// <summary>The longest interval: its staleness alarm looks back interval + 2 hours in one-hour periods, and CloudWatch evaluates at most 7 days.</summary>
    public const int MaxIntervalHours = 144;

    /// <summary>Hours between two exports (an EventBridge rate). Default 24.</summary>
    public int IntervalHours { get; init; } = 24;

    /// <summary>Days each snapshot is kept (locked, then expired). Default 35: a month of dailies and a margin.</summary>
    public int RetentionDays { get; init; } = 35;

    /// <summary>Cognito calls a second the export makes. Default 10, a third of the ListUsers quota's default (30); raise the quota before raising this.</summary>
    public double RequestsPerSecond { get; init; } = 10;

    /// <summary>How Object Lock keeps snapshots. Default <see cref="BackupLockMode.Compliance"/>.</summary>
    public BackupLockMode LockMode { get; init; } = BackupLockMode.Compliance;

    /// <summary>Every problem of these settings at once (empty when there are none).</summary>
    public virtual IReadOnlyList<PropsProblem> Problems()
    {
        var problems = new List<PropsProblem>();
        if (IntervalHours is < 1 or > MaxIntervalHours)
        {
            problems.Add(new(nameof(IntervalHours), IntervalHours.ToString(CultureInfo.InvariantCulture), $"use whole hours from 1 to {MaxIntervalHours} (24 is daily)."));
        }

        if (RetentionDays is < 1 or > 3650)
        {
            problems.Add(new(nameof(RetentionDays), RetentionDays.ToString(CultureInfo.InvariantCulture), "use days from 1 to 3650."));
        }
        else if (RetentionDays * 24 < IntervalHours)
        {
            problems.Add(new(nameof(RetentionDays), RetentionDays.ToString(CultureInfo.InvariantCulture), $"keep snapshots at least one interval ({IntervalHours} hours), or a time comes with no snapshot at all."));
        }

        if (double.IsNaN(RequestsPerSecond) || RequestsPerSecond is < 1 or > 100)
        {
            problems.Add(new(nameof(RequestsPerSecond), RequestsPerSecond.ToString(CultureInfo.InvariantCulture), "use 1 to 100 calls a second, within your account's Cognito quota (ListUsers: 30 by default) and leaving room for the applications."));
        }

        if (!Enum.IsDefined(LockMode))
        {
            problems.Add(new(nameof(LockMode), LockMode.ToString(), "use Compliance or Governance."));
        }

        return problems;
    }
}
