namespace IdentityStack.App.Configuration;

/// <summary>The stage configuration is unusable; <see cref="Problems"/> says why, one line each.</summary>
internal sealed class StageConfigException : Exception
{
    public StageConfigException(IReadOnlyList<ConfigProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public StageConfigException()
        : this([])
    {
    }

    public StageConfigException(string message)
        : base(message)
    {
        Problems = [];
    }

    public StageConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public IReadOnlyList<ConfigProblem> Problems { get; } = [];

    private static string Describe(IReadOnlyList<ConfigProblem> problems) =>
        problems.Count == 1
            ? "Invalid stage configuration: " + problems[0]
            : $"Invalid stage configuration ({problems.Count} problems):" + Environment.NewLine
              + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
