namespace IdentityStack.Constructs.UserPools;

/// <summary>Names of the attributes this platform adds to every pool, in one place.</summary>
public static class CognitoAttributes
{
    /// <summary>Custom attribute name as declared on the pool (without the <c>custom:</c> prefix).</summary>
    public const string TenantId = "tenant_id";

    /// <summary>The attribute as it appears in tokens, events and API calls.</summary>
    public const string TenantIdClaim = "custom:" + TenantId;

    /// <summary>Longest tenant id accepted.</summary>
    public const int TenantIdMaxLength = 64;
}
