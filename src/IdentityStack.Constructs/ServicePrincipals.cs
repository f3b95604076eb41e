namespace IdentityStack.Constructs;

/// <summary>AWS service principals the constructs grant to, in one place.</summary>
internal static class ServicePrincipals
{
    /// <summary>Amazon Cognito user pools (SMS role trust, trigger invocation).</summary>
    public const string CognitoIdp = "cognito-idp.amazonaws.com";
}
