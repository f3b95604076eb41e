using System.Globalization;
using Amazon.CDK;

namespace IdentityStack.Constructs.Api;

/// <summary>
/// The API's developer login (POST /developer-identity): how long the OpenID token it hands out
/// lasts and how hard the public route is throttled. The identity pool and the legacy directory it
/// uses are wiring (<see cref="DeveloperIdentityTarget"/>).
/// </summary>
public sealed record DeveloperLoginOptions
{
    /// <summary>Cognito's longest OpenID token for a developer identity (GetOpenIdTokenForDeveloperIdentity's TokenDuration).</summary>
    public static readonly Duration LongestToken = Duration.Hours(24);

    /// <summary>How long the OpenID token lasts (1 second to 24 hours); the app exchanges it for credentials at once. Default 15 minutes.</summary>
    public Duration TokenDuration { get; init; } = Duration.Minutes(15);

    /// <summary>Throttling of the public route, tighter than the API's (it runs a PBKDF2 check per call). Default 5 per second, bursts of 10.</summary>
    public ApiThrottle Throttle { get; init; } = new() { RateLimit = 5, BurstLimit = 10 };

    /// <summary>Every problem of these settings (property paths relative to them).</summary>
    public IReadOnlyList<PropsProblem> Problems()
    {
        var problems = new List<PropsProblem>();
        if (TokenDuration is null || TokenDuration.ToSeconds() < 1 || TokenDuration.ToSeconds() > LongestToken.ToSeconds())
        {
            problems.Add(new(nameof(TokenDuration), TokenDuration?.ToHumanString() ?? "null", "use from 1 second to 24 hours (Cognito's limits); a short token is safer, the app exchanges it for credentials at once."));
        }

        problems.AddRange(ApiThrottle.Problems(Throttle).Select(p => p.Under(nameof(Throttle))));
        return problems;
    }
}
