namespace IdentityStack.Triggers.Api;

/// <summary>A JSON error: a stable code and a sentence.</summary>
internal sealed record ErrorResponse(string Error, string Message);
