namespace IdentityStack.App.Tests.Fixtures;

/// <summary>Test classes marked <c>[Collection(SynthesizedStagesDefinition.Name)]</c> share one <see cref="SynthesizedStages"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SynthesizedStagesDefinition : ICollectionFixture<SynthesizedStages>
{
    public const string Name = "synthesized stages";
}
