namespace IdentityStack.Constructs.IdentityPools;

/// <summary>The roles a signed-in identity can get from the pool.</summary>
public enum IdentityPoolRole
{
    /// <summary>The authenticated role: own data, public reads.</summary>
    Authenticated,

    /// <summary>The admin role: the authenticated role's access plus publishing under public/.</summary>
    Admin,
}
