namespace IdentityStack.Triggers.Contract;

/// <summary>The tenant attribute the pool declares and the triggers read and put into tokens.</summary>
public static class TenantIdAttributeName
{
    /// <summary>Name as declared on the pool (without the <c>custom:</c> prefix).</summary>
    public const string Name = "tenant_id";

    /// <summary>Name in events, tokens and API calls.</summary>
    public const string Claim = "custom:" + Name;

    /// <summary>
    /// The claim the pre token generation trigger puts in ID and access tokens: the user's tenant by
    /// the one rule (federated users: their provider's <c>custom:idp_tenant</c>; others: this attribute).
    /// The identity pool's tenant session tag is taken from it.
    /// </summary>
    public const string TokenClaim = "tenant_id";

    /// <summary>Longest tenant id accepted.</summary>
    public const int MaxLength = 64;
}
