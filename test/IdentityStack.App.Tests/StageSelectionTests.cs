namespace IdentityStack.App.Tests;

public sealed class StageSelectionTests
{
    private static readonly Dictionary<string, StageConfig> Stages = new(StringComparer.Ordinal)
    {
        ["dev"] = new StageConfig { Name = "dev", Region = "eu-west-1" },
        ["prod"] = new StageConfig { Name = "prod", Region = "eu-west-1" },
    };

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void No_stage_means_dev(string? requested) =>
        Assert.Equal("dev", Assert.Single(StageSelection.Select(Stages, requested)).Name);

    [Fact]
    public void A_named_stage_is_selected_alone() =>
        Assert.Equal("prod", Assert.Single(StageSelection.Select(Stages, "prod")).Name);

    [Fact]
    public void All_selects_every_stage() =>
        Assert.Equal(["dev", "prod"], StageSelection.Select(Stages, "all").Select(s => s.Name), StringComparer.Ordinal);

    [Fact]
    public void An_unknown_stage_lists_the_valid_ones()
    {
        var error = Assert.Throws<StageConfigException>(() => StageSelection.Select(Stages, "qa"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("stage", problem.Path);
        Assert.Equal("\"qa\"", problem.Found);
        Assert.Contains("valid stages are dev, prod (or 'all')", problem.Fix, StringComparison.Ordinal);
    }
}
