namespace IdentityStack.Triggers.Contract;

/// <summary>The environment of the user directory export function (<see cref="OperationsHandlerNames.UserDirectoryExport"/>); the directory table is <see cref="TriggerEnvironment.DirectoryTable"/>.</summary>
public static class BackupEnvironment
{
    /// <summary>The user pool exported.</summary>
    public const string UserPoolId = "USER_POOL_ID";

    /// <summary>The backup bucket; snapshots go under <c>snapshots/{started, UTC}/</c>.</summary>
    public const string Bucket = "BACKUP_BUCKET";

    /// <summary>The stage's name, recorded in each manifest.</summary>
    public const string Stage = "STAGE_NAME";

    /// <summary>Cognito calls a second the export may make (a share of the account's quota, the rest left to the applications).</summary>
    public const string RequestsPerSecond = "BACKUP_REQUESTS_PER_SECOND";

    /// <summary>Optional: pages one invocation lists at most; unset lets the invocation's time decide.</summary>
    public const string PagesPerInvocation = "BACKUP_PAGES_PER_INVOCATION";
}
