namespace IdentityStack.Triggers.Contract;

/// <summary>
/// <c>_HANDLER</c> values of the CloudFormation custom resources the same binary serves: what
/// CloudFormation cannot set itself, done through the service API at deploy time.
/// </summary>
public static class CustomResourceHandlerNames
{
    /// <summary>The classic hosted UI's CSS and logo (SetUICustomization; CloudFormation takes CSS only).</summary>
    public const string ClassicUiCustomization = "ClassicUiCustomization";

    /// <summary>
    /// A machine (client credentials) app client's tenant and scopes, written to the directory table
    /// for pre token generation to read: the trigger cannot be given client ids in its environment,
    /// because the pool references the trigger and the clients reference the pool.
    /// </summary>
    public const string MachineClientRegistration = "MachineClientRegistration";
}
