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

    /// <summary>
    /// Creates a refusal the operators should see too: the log gets a warning line with
    /// <paramref name="logNote"/> (which the user never sees) counting one of <paramref name="metric"/>.
    /// </summary>
    public TriggerRejectedException(string userMessage, string logNote, string metric)
        : base(userMessage)
    {
        LogNote = logNote;
        Metric = metric;
    }

    /// <summary>What the log says of this refusal, or null when it goes unlogged.</summary>
    public string? LogNote { get; }

    /// <summary>The metric (<see cref="Contract.TriggerMetricNames"/>) this refusal counts, or null.</summary>
    public string? Metric { get; }

    /// <summary>Creates the refusal with a cause.</summary>
    public TriggerRejectedException(string userMessage, Exception innerException)
        : base(userMessage, innerException)
    {
    }
}
