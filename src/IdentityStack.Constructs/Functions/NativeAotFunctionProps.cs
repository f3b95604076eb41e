using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;

namespace IdentityStack.Constructs.Functions;

/// <summary>Options for <see cref="NativeAotFunction"/>.</summary>
public sealed class NativeAotFunctionProps
{
    /// <summary>The binary and its CPU: <see cref="NativeAotBinary.FromProject"/> or <see cref="NativeAotBinary.Prebuilt"/>.</summary>
    public required NativeAotBinary Binary { get; init; }

    /// <summary>The handler name (the binary reads it from <c>_HANDLER</c>).</summary>
    public required string Handler { get; init; }

    /// <summary>What the function is for.</summary>
    public required string Description { get; init; }

    /// <summary>Time limit. Default 5 seconds.</summary>
    public Duration Timeout { get; init; } = Duration.Seconds(5);

    /// <summary>Memory (and so CPU). Default 512 MB.</summary>
    public int MemorySize { get; init; } = 512;

    /// <summary>Environment variables.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How long logs are kept. Default a year (LogRetention.ConstructDefault).</summary>
    public RetentionDays LogRetention { get; init; } = IdentityStack.Constructs.LogRetention.ConstructDefault;

    /// <summary>What happens to the log group when it leaves the stack. Default RETAIN.</summary>
    public RemovalPolicy LogRemovalPolicy { get; init; } = RemovalPolicy.RETAIN;
}
