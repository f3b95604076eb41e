namespace IdentityStack.App.Configuration;

/// <summary>A stage's HTTP API (<c>stages.{name}.api</c>).</summary>
internal sealed record ApiConfig(string AdminGroup, int RateLimit, int BurstLimit);
