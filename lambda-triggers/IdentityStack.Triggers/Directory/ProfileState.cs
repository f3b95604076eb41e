namespace IdentityStack.Triggers.Directory;

/// <summary>What the directory holds for a user: no profile yet, an active one, or a disabled one.</summary>
internal enum ProfileState
{
    /// <summary>No profile item (invited and migrated users until their first token issue).</summary>
    Missing,

    /// <summary>A profile without the disabled flag.</summary>
    Active,

    /// <summary>A profile with <c>disabled: true</c>.</summary>
    Disabled,
}
