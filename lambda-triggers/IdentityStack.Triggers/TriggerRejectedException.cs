namespace IdentityStack.Triggers;

/// <summary>
/// A trigger's refusal, worded for the end user: Cognito shows it as
/// "<c>&lt;Trigger&gt; failed with error &lt;message&gt;.</c>".
/// </summary>
public sealed class TriggerRejectedException : Exception
{
    /// <summary>Creates the refusal with the text the user sees.</summary>
    public TriggerRejectedException(string userMessage)
        : base(userMessage)
    {
    }

    /// <summary>Creates the refusal.</summary>
    public TriggerRejectedException()
    {
    }

    /// <summary>Creates the refusal with a cause.</summary>
    public TriggerRejectedException(string userMessage, Exception innerException)
        : base(userMessage, innerException)
    {
    }
}
