namespace IdentityStack.Constructs.UserPools;

/// <summary>Whether users must complete a second factor at sign-in.</summary>
public enum MfaEnforcement
{
    /// <summary>No second factor. Not recommended outside throwaway sandboxes.</summary>
    Off,

    /// <summary>Users may enrol a second factor; those who do are challenged.</summary>
    Optional,

    /// <summary>Every user must enrol and use a second factor.</summary>
    Required,
}
