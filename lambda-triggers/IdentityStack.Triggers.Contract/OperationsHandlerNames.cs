namespace IdentityStack.Triggers.Contract;

/// <summary><c>_HANDLER</c> values of the platform's scheduled operations, served by the binary with the AWS SDK.</summary>
public static class OperationsHandlerNames
{
    /// <summary>
    /// One step of the user directory's scheduled export: takes the export's state (the Step
    /// Functions loop's; <c>{}</c> starts a snapshot), lists what its time allows into the backup
    /// bucket, and returns the state to resume from (<c>done</c> once the manifest is written).
    /// </summary>
    public const string UserDirectoryExport = "UserDirectoryExport";
}
