using IdentityStack.Triggers.Contract;

namespace IdentityStack.Constructs.Triggers;

/// <summary>One user pool trigger: its handler in the binary and its key in the pool's <c>LambdaConfig</c>.</summary>
/// <param name="Handler">The <c>_HANDLER</c> value.</param>
/// <param name="LambdaConfigPath">Where the function ARN goes in <c>AWS::Cognito::UserPool.LambdaConfig</c>.</param>
/// <param name="Description">What the trigger does.</param>
public sealed record CognitoTrigger(string Handler, string LambdaConfigPath, string Description)
{
    /// <summary>Pre sign-up.</summary>
    public static readonly CognitoTrigger PreSignUp = new(TriggerHandlerNames.PreSignUp, "LambdaConfig.PreSignUp", "Cognito pre sign-up: email domain allow-list, tenant id check, federated auto-confirm");

    /// <summary>Post confirmation.</summary>
    public static readonly CognitoTrigger PostConfirmation = new(TriggerHandlerNames.PostConfirmation, "LambdaConfig.PostConfirmation", "Cognito post confirmation: idempotent user profile write");

    /// <summary>Pre authentication.</summary>
    public static readonly CognitoTrigger PreAuthentication = new(TriggerHandlerNames.PreAuthentication, "LambdaConfig.PreAuthentication", "Cognito pre authentication: refuse disabled users and suspended tenants");

    /// <summary>Post authentication.</summary>
    public static readonly CognitoTrigger PostAuthentication = new(TriggerHandlerNames.PostAuthentication, "LambdaConfig.PostAuthentication", "Cognito post authentication: audit log line and sign-in metrics");

    /// <summary>Pre token generation (V2: ID and access tokens).</summary>
    public static readonly CognitoTrigger PreTokenGeneration = new(TriggerHandlerNames.PreTokenGeneration, "LambdaConfig.PreTokenGenerationConfig.LambdaArn", "Cognito pre token generation V3: tenant and role claims, scopes by group; machine clients' tenant");

    /// <summary>Custom message.</summary>
    public static readonly CognitoTrigger CustomMessage = new(TriggerHandlerNames.CustomMessage, "LambdaConfig.CustomMessage", "Cognito custom message: branded email and SMS in the user's language");

    /// <summary>User migration.</summary>
    public static readonly CognitoTrigger UserMigration = new(TriggerHandlerNames.UserMigration, "LambdaConfig.UserMigration", "Cognito user migration: import users from the legacy store on sign-in");

    /// <summary>All seven.</summary>
    public static IReadOnlyList<CognitoTrigger> All { get; } =
        [PreSignUp, PostConfirmation, PreAuthentication, PostAuthentication, PreTokenGeneration, CustomMessage, UserMigration];
}
