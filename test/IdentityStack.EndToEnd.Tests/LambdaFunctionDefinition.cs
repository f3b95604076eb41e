namespace IdentityStack.EndToEnd.Tests;

/// <summary>A function the host serves: its name in Invoke API paths, the binary's handler, its environment.</summary>
internal sealed record LambdaFunctionDefinition(string Name, string Handler, IReadOnlyDictionary<string, string> Environment);
