namespace IdentityStack.Triggers.Contract;

/// <summary>The <c>_HANDLER</c> value of each trigger: seven functions of one source tree.</summary>
public static class TriggerHandlerNames
{
#pragma warning disable CS1591 // The names are the documentation.
    public const string PreSignUp = "PreSignUp";
    public const string PostConfirmation = "PostConfirmation";
    public const string PreAuthentication = "PreAuthentication";
    public const string PostAuthentication = "PostAuthentication";
    public const string PreTokenGeneration = "PreTokenGeneration";
    public const string CustomMessage = "CustomMessage";
    public const string UserMigration = "UserMigration";
#pragma warning restore CS1591

    /// <summary>Every handler name.</summary>
    public static IReadOnlyList<string> All { get; } =
        [PreSignUp, PostConfirmation, PreAuthentication, PostAuthentication, PreTokenGeneration, CustomMessage, UserMigration];

    /// <summary>
    /// The handlers that call no AWS service: they run on the smaller binary built without the AWS
    /// SDK (a cold start Cognito waits on during every sign-up and sign-in), the others on the full one.
    /// </summary>
    public static IReadOnlyList<string> WithoutAws { get; } = [PreSignUp, PostAuthentication, CustomMessage];
}
