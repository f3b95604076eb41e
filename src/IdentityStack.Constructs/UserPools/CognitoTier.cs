namespace IdentityStack.Constructs.UserPools;

/// <summary>The Cognito feature plan (<c>UserPoolTier</c> in CloudFormation).</summary>
public enum CognitoTier
{
    /// <summary>Lite: no password history, no threat protection, no access-token customisation.</summary>
    Lite,

    /// <summary>Essentials: the default for new pools; managed login, password history, token customisation.</summary>
    Essentials,

    /// <summary>Plus: Essentials and threat protection.</summary>
    Plus,
}
