namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>
/// A user as ListUsers shows them: username, every attribute (<c>sub</c> included), status
/// (CONFIRMED, EXTERNAL_PROVIDER, ...), whether enabled, created and modified times, and the SMS MFA
/// options Cognito lists. No password or MFA secret: Cognito exports neither.
/// </summary>
public sealed record SnapshotUser
{
    /// <summary>The username (for a federated user, <c>{provider}_{id}</c>).</summary>
    public required string Username { get; init; }

    /// <summary>Attribute name to value, as Cognito lists them.</summary>
    public required IReadOnlyDictionary<string, string> Attributes { get; init; }

    /// <summary>Cognito's user status.</summary>
    public required string Status { get; init; }

    /// <summary>Whether the user may sign in.</summary>
    public required bool Enabled { get; init; }

    /// <summary>When the user was created.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When the user was last modified.</summary>
    public DateTimeOffset? Modified { get; init; }

    /// <summary>The user's MFA options as ListUsers gives them (delivery medium and attribute), empty when none.</summary>
    public IReadOnlyList<SnapshotMfaOption> MfaOptions { get; init; } = [];

    /// <summary>The user's <c>sub</c>, or null if the listing had none.</summary>
    public string? Sub => Attributes.TryGetValue("sub", out var sub) ? sub : null;

    /// <summary>Whether Cognito created the user at a federated sign-in (no password; only the provider can bring them back).</summary>
    public bool IsFederated => string.Equals(Status, "EXTERNAL_PROVIDER", StringComparison.Ordinal);
}
