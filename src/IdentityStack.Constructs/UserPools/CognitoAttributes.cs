using IdentityStack.Triggers.Contract;

namespace IdentityStack.Constructs.UserPools;

/// <summary>Names of the attributes this platform adds to every pool (defined once, in the trigger contract).</summary>
public static class CognitoAttributes
{
    /// <summary>Custom attribute name as declared on the pool (without the <c>custom:</c> prefix).</summary>
    public const string TenantId = TenantIdAttributeName.Name;

    /// <summary>The attribute as it appears in tokens, events and API calls.</summary>
    public const string TenantIdClaim = TenantIdAttributeName.Claim;

    /// <summary>Longest tenant id accepted.</summary>
    public const int TenantIdMaxLength = TenantIdAttributeName.MaxLength;

    /// <summary>The tenant an identity provider asserts (declared name); see <see cref="FederatedAttributeNames"/>.</summary>
    public const string IdpTenant = FederatedAttributeNames.IdpTenant;

    /// <summary>Whether an identity provider verified the email (declared name).</summary>
    public const string IdpEmailVerified = FederatedAttributeNames.IdpEmailVerified;

    /// <summary>The attributes of this platform's pools that cannot change after a user is created (as in events and mappings).</summary>
    public static readonly IReadOnlySet<string> Immutable = new HashSet<string>(StringComparer.Ordinal) { TenantIdClaim };
}
