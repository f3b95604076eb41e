using System.Globalization;

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

    /// <summary>Every problem of these settings at once (empty when there are none).</summary>
    public virtual IReadOnlyList<PropsProblem> Problems()
    {
        var problems = new List<PropsProblem>();
        if (string.IsNullOrWhiteSpace(AdminGroup))
        {
            problems.Add(new(nameof(AdminGroup), AdminGroup is null ? "missing" : "\"" + AdminGroup + "\"", "name the group whose members may use admin routes, e.g. \"admins\"."));
        }

        var throttle = Throttle ?? new ApiThrottle();
        Range(problems, nameof(Throttle) + "." + nameof(ApiThrottle.RateLimit), throttle.RateLimit, ApiThrottle.MaxRateLimit, "steady requests per second");
        Range(problems, nameof(Throttle) + "." + nameof(ApiThrottle.BurstLimit), throttle.BurstLimit, ApiThrottle.MaxBurstLimit, "requests in a burst");
        return problems;
    }

    private static void Range(List<PropsProblem> problems, string property, int value, int highest, string what)
    {
        if (value < 1 || value > highest)
        {
            problems.Add(new(property, value.ToString(CultureInfo.InvariantCulture), $"use from 1 to {highest.ToString(CultureInfo.InvariantCulture)} {what}."));
        }
    }
}
