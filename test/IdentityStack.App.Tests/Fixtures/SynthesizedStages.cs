using IdentityStack.App.Stacks;

namespace IdentityStack.App.Tests.Fixtures;

/// <summary>
/// Every stage of the real cdk.json, composed and synthesized once per test run (the slow part),
/// then shared by all tests in the <see cref="SynthesizedStagesDefinition"/>.
/// </summary>
public sealed class SynthesizedStages
{
    public SynthesizedStages()
    {
        var context = RepositoryFiles.CdkJsonContext();
        context[StageSelection.ContextKey] = StageSelection.AllStages;
        // Assertions need the template, not the binary: skip the Native AOT build (the asset hash still comes from the sources).
        context["aws:cdk:bundling-stacks"] = Array.Empty<string>();
        var app = new Amazon.CDK.App(new Amazon.CDK.AppProps { Context = context! });
        Stacks = IdentityPlatformApp.Compose(app).ToDictionary(s => s.Stage.Name, StringComparer.Ordinal);
        Templates = Stacks.ToDictionary(p => p.Key, p => Template.FromStack(p.Value), StringComparer.Ordinal);
    }

    internal IReadOnlyDictionary<string, IdentityPlatformStack> Stacks { get; }

    public IReadOnlyDictionary<string, Template> Templates { get; }

    public Template this[string stage] => Templates[stage];
}
