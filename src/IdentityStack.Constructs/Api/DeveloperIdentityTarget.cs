using Amazon.CDK.AWS.DynamoDB;

namespace IdentityStack.Constructs.Api;

/// <summary>Where the developer login issues identities and whom it checks: the identity pool, its developer provider name, and the legacy directory (the user migration trigger's table).</summary>
/// <param name="IdentityPoolId">The identity pool's id (its <c>Ref</c>).</param>
/// <param name="DeveloperProviderName">The identity pool's developer provider name, e.g. <c>login.example.app</c>.</param>
/// <param name="LegacyUsersTable">The legacy directory: users keyed by lower-case username, with PBKDF2 password hashes.</param>
public sealed record DeveloperIdentityTarget(string IdentityPoolId, string DeveloperProviderName, ITable LegacyUsersTable)
{
    /// <summary>The pool's email allow-list (the triggers' <c>AllowedEmailDomains</c>), which the developer login holds too. Default empty: any address.</summary>
    public IReadOnlyList<string> AllowedEmailDomains { get; init; } = [];
}
