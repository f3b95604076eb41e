namespace IdentityStack.Triggers.Directory;

/// <summary>What the directory holds of a user's profile: its state and the tenant it is listed under.</summary>
internal sealed record StoredProfile(ProfileState State, string? TenantId)
{
    /// <summary>No profile item.</summary>
    public static readonly StoredProfile Missing = new(ProfileState.Missing, null);
}
