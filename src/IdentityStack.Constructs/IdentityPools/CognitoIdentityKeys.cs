namespace IdentityStack.Constructs.IdentityPools;

/// <summary>The identity pool's names in IAM: principal, condition keys and policy variables.</summary>
public static class CognitoIdentityKeys
{
    /// <summary>The federated principal that assumes identity pool roles.</summary>
    public const string Principal = "cognito-identity.amazonaws.com";

    /// <summary>Condition key: the identity pool id the token was issued for.</summary>
    public const string Audience = Principal + ":aud";

    /// <summary>Condition key: how the identity signed in ("authenticated" or "unauthenticated", then providers).</summary>
    public const string AuthenticationMethods = Principal + ":amr";

    /// <summary>Condition key and (as <see cref="IdentityIdVariable"/>) policy variable: the caller's identity id.</summary>
    public const string IdentityId = Principal + ":sub";

    /// <summary>Policy variable that IAM replaces with the caller's identity id.</summary>
    public const string IdentityIdVariable = "${" + IdentityId + "}";

    /// <summary>amr value of a signed-in identity.</summary>
    public const string Authenticated = "authenticated";

    /// <summary>amr value of a guest.</summary>
    public const string Unauthenticated = "unauthenticated";

    /// <summary>The session tag that carries the user's tenant (from the <see cref="TenantClaim"/> claim).</summary>
    public const string TenantTag = "tenant";

    /// <summary>The ID token claim the tenant tag is taken from: written by the pre token generation trigger.</summary>
    public const string TenantClaim = IdentityStack.Triggers.Contract.TenantIdAttributeName.TokenClaim;

    /// <summary>User pool ID token claim: the IAM role of the user's highest-precedence group that has one.</summary>
    public const string PreferredRoleClaim = "cognito:preferred_role";

    /// <summary>User pool token claim that says which token it is: "id" in every ID token.</summary>
    public const string TokenUseClaim = "token_use";

    /// <summary>Condition key: the keys of the session tags a caller passes (sts:TagSession).</summary>
    public const string TagKeys = "aws:TagKeys";

    /// <summary>Condition key of the tenant session tag.</summary>
    public const string TenantTagKey = "aws:PrincipalTag/" + TenantTag;

    /// <summary>Policy variable that IAM replaces with the caller's tenant tag.</summary>
    public const string TenantTagVariable = "${" + TenantTagKey + "}";
}
