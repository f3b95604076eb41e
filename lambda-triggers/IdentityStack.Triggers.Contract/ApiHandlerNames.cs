namespace IdentityStack.Triggers.Contract;

/// <summary><c>_HANDLER</c> of the HTTP API backend, served by the same binary as the triggers.</summary>
public static class ApiHandlerNames
{
    /// <summary>The HTTP API (payload v2.0) backend.</summary>
    public const string Backend = "ApiBackend";

    /// <summary>POST /developer-identity, a function and role of its own (the only one that may issue developer identities).</summary>
    public const string DeveloperLogin = "DeveloperLogin";
}
