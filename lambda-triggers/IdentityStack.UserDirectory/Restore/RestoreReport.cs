namespace IdentityStack.UserDirectory.Restore;

/// <summary>What a restore did (or, in a dry run, would do), and the old sub to new sub mapping of every user it accounts for.</summary>
public sealed record RestoreReport
{
    /// <summary>Groups created.</summary>
    public int GroupsCreated { get; init; }

    /// <summary>Users created (AdminCreateUser, no message, a random password nobody knows).</summary>
    public int UsersCreated { get; init; }

    /// <summary>Users that were already in the pool.</summary>
    public int UsersPresent { get; init; }

    /// <summary>Federated users, not created: Cognito creates them again at their next sign-in through their provider.</summary>
    public IReadOnlyList<string> FederatedSkipped { get; init; } = [];

    /// <summary>Created users without a verified email or phone: they cannot reset their password themselves, an administrator must.</summary>
    public IReadOnlyList<string> NeedAdminReset { get; init; } = [];

    /// <summary>Memberships added.</summary>
    public int MembershipsAdded { get; init; }

    /// <summary>Directory items written.</summary>
    public int ItemsWritten { get; init; }

    /// <summary>Directory items already there (left as they are: the live item is newer than the snapshot).</summary>
    public int ItemsPresent { get; init; }

    /// <summary>User items of users not restored (federated or failed), not written.</summary>
    public int ItemsSkipped { get; init; }

    /// <summary>Users Cognito refused, with its reason.</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];

    /// <summary>Old sub to the sub the user has now, for every user restored or present.</summary>
    public IReadOnlyDictionary<string, string> SubMapping { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Whether anything was (or would be) changed.</summary>
    public bool Changed => GroupsCreated + UsersCreated + MembershipsAdded + ItemsWritten > 0;
}
