namespace IdentityStack.EndToEnd.Tests;

/// <summary>A function the host serves: its name in Invoke API paths, the binary's handler, its environment, and its time limit (Lambda's default 3 seconds unless the template says).</summary>
internal sealed record LambdaFunctionDefinition(string Name, string Handler, IReadOnlyDictionary<string, string> Environment, TimeSpan? Timeout = null)
{
    /// <summary>Lambda's default time limit.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The invocation deadline the Runtime API gives: the function's time limit from the start of an invocation.</summary>
    public TimeSpan Limit => Timeout ?? DefaultTimeout;
}
