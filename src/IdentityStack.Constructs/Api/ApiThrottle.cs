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
}
