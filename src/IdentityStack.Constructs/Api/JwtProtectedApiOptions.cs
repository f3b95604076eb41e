namespace IdentityStack.Constructs.Api;

/// <summary>
/// The API's settings, apart from what it is wired to (see <see cref="JwtProtectedApiProps"/>): what a
/// configuration file can say. <see cref="Problems"/> is the one home of the rules.
/// </summary>
public record JwtProtectedApiOptions
{
    /// <summary>The group whose members may use admin routes (checked by the backend besides the admin scope). Required.</summary>
    public string? AdminGroup { get; init; }

    /// <summary>The stage's request throttling. Default 50 per second, bursts of 100.</summary>
    public ApiThrottle Throttle { get; init; } = new();

    /// <summary>
    /// POST /developer-identity, where users of the legacy directory get a developer identity of
    /// the identity pool (needs <see cref="JwtProtectedApiProps.DeveloperIdentities"/>). Default
    /// null: no such route.
    /// </summary>
    public DeveloperLoginOptions? DeveloperLogin { get; init; }

    /// <summary>
    /// Whether this is a production API (<see cref="ProductionPolicy"/>): it then offers no developer
    /// login, which signs legacy users in without the MFA production requires. Default false.
    /// </summary>
    public bool Production { get; init; }

    /// <summary>Every problem of these settings at once (empty when there are none).</summary>
    public virtual IReadOnlyList<PropsProblem> Problems()
    {
        var problems = new List<PropsProblem>();
        if (string.IsNullOrWhiteSpace(AdminGroup))
        {
            problems.Add(new(nameof(AdminGroup), AdminGroup is null ? "missing" : PropsProblem.Quoted(AdminGroup), "name the group whose members may use admin routes, e.g. \"admins\"."));
        }

        problems.AddRange(ApiThrottle.Problems(Throttle).Select(p => p.Under(nameof(Throttle))));
        if (DeveloperLogin is not null)
        {
            problems.AddRange(DeveloperLogin.Problems().Select(p => p.Under(nameof(DeveloperLogin))));
            if (Production)
            {
                problems.Add(new(nameof(DeveloperLogin), "(set)", "production offers no developer login: it signs legacy users in with their old password alone, without the MFA, threat protection and sign-in checks production requires; migrate those users into the pool (the user migration trigger) and remove developerLogin."));
            }
        }

        return problems;
    }
}
