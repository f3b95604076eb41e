namespace IdentityStack.Triggers.Contract;

/// <summary>The <c>_HANDLER</c> value of each trigger: one binary, seven functions.</summary>
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
}
