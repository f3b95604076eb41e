namespace IdentityStack.App.Configuration;

/// <summary>What every configuration regex shares: one time-out. (Patterns of values live with the props type that owns the rule.)</summary>
internal static class ConfigPatterns
{
    /// <summary>The time a configuration regex may take before the value counts as not matching.</summary>
    public const int RegexTimeoutMilliseconds = 100;
}
