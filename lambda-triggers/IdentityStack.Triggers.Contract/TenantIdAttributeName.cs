namespace IdentityStack.Triggers.Contract;

/// <summary>The tenant attribute the pool declares and the triggers read and put into tokens.</summary>
public static class TenantIdAttributeName
{
    /// <summary>Name as declared on the pool (without the <c>custom:</c> prefix).</summary>
    public const string Name = "tenant_id";

    /// <summary>Name in events, tokens and API calls.</summary>
    public const string Claim = "custom:" + Name;

    /// <summary>Longest tenant id accepted.</summary>
    public const int MaxLength = 64;
}
