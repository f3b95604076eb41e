namespace IdentityStack.Smoke;

/// <summary>Input the smoke test cannot run with (exit code 2): the message says what to fix.</summary>
internal sealed class SmokeInputException(string message) : Exception(message);
