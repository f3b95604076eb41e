namespace IdentityStack.App.Tests.Fixtures;

/// <summary>Reads a <c>stages</c> object that must be refused, and returns what the reader reported.</summary>
internal static class StageConfigProblems
{
    /// <summary>The one problem reported for <paramref name="stagesJson"/>; fails the test if it was accepted or more than one was reported.</summary>
    public static ConfigProblem Only(string stagesJson)
    {
        using var document = JsonDocument.Parse(stagesJson);
        return Assert.Single(Assert.Throws<StageConfigException>(() => StageConfigReader.Read(document.RootElement.Clone())).Problems);
    }
}
