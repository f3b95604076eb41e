namespace IdentityStack.Triggers.Api;

/// <summary>
/// Where developer identities are issued (the identity pool, its developer provider name, the token
/// lifetime), and how long a refused attempt takes at least (<see cref="MinimumRefusalTime"/>).
/// </summary>
internal sealed record DeveloperLoginSettings(string IdentityPoolId, string DeveloperProviderName, TimeSpan TokenDuration)
{
    /// <summary>
    /// The least time a wrong username or password takes to answer: longer than the PBKDF2 check of
    /// any stored cost, so an unknown user, a malformed or foreign hash and a wrong password cannot
    /// be told apart by time. Default one second.
    /// </summary>
    public TimeSpan MinimumRefusalTime { get; init; } = TimeSpan.FromSeconds(1);
}
