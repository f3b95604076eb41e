namespace IdentityStack.Constructs.Api;

/// <summary>The stage's request throttling (API Gateway's default route settings).</summary>
public sealed record ApiThrottle
{
    /// <summary>API Gateway's ceiling for a stage's steady rate, within the account's default quota.</summary>
    public const int MaxRateLimit = 10000;

    /// <summary>API Gateway's ceiling for a stage's burst, within the account's default quota.</summary>
    public const int MaxBurstLimit = 5000;

    /// <summary>Steady requests per second. Default 50.</summary>
    public int RateLimit { get; init; } = 50;

    /// <summary>Burst of requests. Default 100.</summary>
    public int BurstLimit { get; init; } = 100;

    /// <summary>Every problem of <paramref name="throttle"/> (property paths relative to it): each limit from 1 to its maximum.</summary>
    public static IReadOnlyList<PropsProblem> Problems(ApiThrottle? throttle)
    {
        var problems = new List<PropsProblem>();
        var limits = throttle ?? new ApiThrottle();
        Range(problems, nameof(RateLimit), limits.RateLimit, MaxRateLimit, "steady requests per second");
        Range(problems, nameof(BurstLimit), limits.BurstLimit, MaxBurstLimit, "requests in a burst");
        return problems;
    }

    private static void Range(List<PropsProblem> problems, string property, int value, int highest, string what)
    {
        if (value < 1 || value > highest)
        {
            problems.Add(new(property, value.ToString(System.Globalization.CultureInfo.InvariantCulture), $"use from 1 to {highest.ToString(System.Globalization.CultureInfo.InvariantCulture)} {what}."));
        }
    }
}
