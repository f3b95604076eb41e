using IdentityStack.App.Configuration;
using IdentityStack.App.Stacks;

namespace IdentityStack.App;

/// <summary>Composes the CDK app: reads the stage configuration once, then builds one stack per selected stage.</summary>
internal static class IdentityPlatformApp
{
    /// <summary>Builds the stacks into <paramref name="app"/>; throws <see cref="StageConfigException"/> on bad configuration.</summary>
    public static IReadOnlyList<IdentityPlatformStack> Compose(Amazon.CDK.App app)
    {
        var stages = StageConfigReader.Read(CdkContext.Json(app.Node, StageConfigReader.ContextKey));
        var selected = StageSelection.Select(stages, CdkContext.String(app.Node, StageSelection.ContextKey));
        return [.. selected.Select(stage => new IdentityPlatformStack(app, stage))];
    }
}
