namespace IdentityStack.Constructs.Federation;

/// <summary>
/// Cognito rewrites every mapped attribute at each federated sign-in, and fails the sign-in when it
/// cannot: each user pool attribute an identity provider maps must be mutable, and writable by every
/// app client that offers that provider (developer guide, "Specifying identity provider attribute
/// mappings for your user pool",
/// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-specifying-attribute-mapping.html).
/// Checked at synth, so this class of mistake fails with names instead of at a user's sign-in.
/// </summary>
public static class MappedAttributeRules
{
    /// <summary>Every broken rule for one client, one sentence each (empty when the client is fine).</summary>
    /// <param name="client">The app client's name, for the messages.</param>
    /// <param name="offered">The providers the client offers, each with the user pool attributes it maps.</param>
    /// <param name="writable">The attributes the client may write (as in mappings: "email", "custom:x").</param>
    /// <param name="immutable">The pool's immutable attributes.</param>
    public static IReadOnlyList<string> Problems(
        string client,
        IEnumerable<(string Provider, IEnumerable<string> MappedAttributes)> offered,
        IReadOnlySet<string> writable,
        IReadOnlySet<string> immutable)
    {
        ArgumentNullException.ThrowIfNull(offered);
        ArgumentNullException.ThrowIfNull(writable);
        ArgumentNullException.ThrowIfNull(immutable);
        var problems = new List<string>();
        foreach (var (provider, attributes) in offered)
        {
            foreach (var attribute in attributes)
            {
                if (immutable.Contains(attribute))
                {
                    problems.Add($"identity provider '{provider}' maps '{attribute}', which is immutable: Cognito could not update it at sign-in. Map the provider's value to a mutable attribute instead.");
                }
                else if (!writable.Contains(attribute))
                {
                    problems.Add($"identity provider '{provider}' maps '{attribute}', which app client '{client}' may not write: every client offering the provider needs write access to its mapped attributes.");
                }
            }
        }

        return problems;
    }
}
