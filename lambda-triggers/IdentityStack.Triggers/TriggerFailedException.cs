namespace IdentityStack.Triggers;

/// <summary>
/// A trigger failed for a reason that is not the user's (a bug, a dependency down, a malformed
/// event). Its message is the generic one the user sees, with the request id to quote; the cause
/// went to the function's log.
/// </summary>
public sealed class TriggerFailedException : Exception
{
    /// <summary>The generic failure for the invocation <paramref name="requestId"/>.</summary>
    public static TriggerFailedException For(string requestId) =>
        new($"Something went wrong on our side. Please try again in a moment. Reference: {requestId}");

    /// <summary>Creates the failure with the text the user sees.</summary>
    public TriggerFailedException(string userMessage)
        : base(userMessage)
    {
    }

    /// <summary>Creates the failure.</summary>
    public TriggerFailedException()
    {
    }

    /// <summary>Creates the failure with a cause.</summary>
    public TriggerFailedException(string userMessage, Exception innerException)
        : base(userMessage, innerException)
    {
    }
}
