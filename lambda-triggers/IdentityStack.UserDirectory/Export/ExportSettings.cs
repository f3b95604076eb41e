namespace IdentityStack.UserDirectory.Export;

/// <summary>What an export reads and where it writes, and how much one invocation may do.</summary>
public sealed record ExportSettings
{
    /// <summary>The pool exported.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The stage, recorded in the manifest.</summary>
    public string? Stage { get; init; }

    /// <summary>Stop listing when this little time is left before the invocation's deadline (the part still has to be written).</summary>
    public TimeSpan SafetyMargin { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Records per part at most; a larger listing continues in the next part.</summary>
    public int RecordsPerPart { get; init; } = 100_000;

    /// <summary>Pages one invocation lists at most (null: as many as time allows). Set low to exercise the continuation.</summary>
    public int? PagesPerInvocation { get; init; }
}
