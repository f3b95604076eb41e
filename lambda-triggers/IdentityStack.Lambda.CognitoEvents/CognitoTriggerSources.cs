namespace IdentityStack.Lambda.CognitoEvents;

/// <summary>The <c>triggerSource</c> values Cognito sends, in one place.</summary>
public static class CognitoTriggerSources
{
#pragma warning disable CS1591 // The names are the documentation.
    public const string PreSignUpSignUp = "PreSignUp_SignUp";
    public const string PreSignUpAdminCreateUser = "PreSignUp_AdminCreateUser";
    public const string PreSignUpExternalProvider = "PreSignUp_ExternalProvider";
    public const string PostConfirmationConfirmSignUp = "PostConfirmation_ConfirmSignUp";
    public const string PostConfirmationConfirmForgotPassword = "PostConfirmation_ConfirmForgotPassword";
    public const string PreAuthenticationAuthentication = "PreAuthentication_Authentication";
    public const string PostAuthenticationAuthentication = "PostAuthentication_Authentication";
    public const string TokenGenerationHostedAuth = "TokenGeneration_HostedAuth";
    public const string TokenGenerationAuthentication = "TokenGeneration_Authentication";
    public const string TokenGenerationNewPasswordChallenge = "TokenGeneration_NewPasswordChallenge";
    public const string TokenGenerationAuthenticateDevice = "TokenGeneration_AuthenticateDevice";
    public const string TokenGenerationRefreshTokens = "TokenGeneration_RefreshTokens";
    public const string TokenGenerationClientCredentials = "TokenGeneration_ClientCredentials";
    public const string CustomMessageSignUp = "CustomMessage_SignUp";
    public const string CustomMessageAdminCreateUser = "CustomMessage_AdminCreateUser";
    public const string CustomMessageResendCode = "CustomMessage_ResendCode";
    public const string CustomMessageForgotPassword = "CustomMessage_ForgotPassword";
    public const string CustomMessageUpdateUserAttribute = "CustomMessage_UpdateUserAttribute";
    public const string CustomMessageVerifyUserAttribute = "CustomMessage_VerifyUserAttribute";
    public const string CustomMessageAuthentication = "CustomMessage_Authentication";
    public const string UserMigrationAuthentication = "UserMigration_Authentication";
    public const string UserMigrationForgotPassword = "UserMigration_ForgotPassword";
#pragma warning restore CS1591
}
