namespace IdentityStack.Constructs.Backup;

/// <summary>How S3 Object Lock keeps each snapshot for the retention period.</summary>
public enum BackupLockMode
{
    /// <summary>Nobody, the account's root user included, can delete or overwrite a snapshot version before it expires. Production's default.</summary>
    Compliance,

    /// <summary>Only principals granted s3:BypassGovernanceRetention can delete a snapshot version early. The default elsewhere.</summary>
    Governance,
}
