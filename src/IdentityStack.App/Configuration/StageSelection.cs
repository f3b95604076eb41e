using IdentityStack.Constructs;

namespace IdentityStack.App.Configuration;

/// <summary>Picks the stages to synthesize from the <c>stage</c> context value (<c>-c stage=prod</c>).</summary>
internal static class StageSelection
{
    /// <summary>The context key naming the stage to synthesize.</summary>
    public const string ContextKey = "stage";

    /// <summary>The stage synthesized when none is named.</summary>
    public const string DefaultStage = "dev";

    /// <summary>Synthesizes every configured stage into one cloud assembly.</summary>
    public const string AllStages = "all";

    public static IReadOnlyList<StageConfig> Select(IReadOnlyDictionary<string, StageConfig> stages, string? requested)
    {
        var name = string.IsNullOrWhiteSpace(requested) ? DefaultStage : requested.Trim();
        if (string.Equals(name, AllStages, StringComparison.Ordinal))
        {
            return [.. stages.Values];
        }

        if (stages.TryGetValue(name, out var stage))
        {
            return [stage];
        }

        throw new StageConfigException([new ConfigProblem(
            ContextKey,
            PropsProblem.Quoted(name),
            $"unknown stage; valid stages are {string.Join(", ", stages.Keys)} (or '{AllStages}'). Use -c {ContextKey}=<name>, or add stages.{name} to the cdk.json context.")]);
    }
}
