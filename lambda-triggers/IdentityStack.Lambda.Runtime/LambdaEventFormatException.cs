namespace IdentityStack.Lambda.Runtime;

/// <summary>An event that does not have the shape the handler expects.</summary>
public sealed class LambdaEventFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LambdaEventFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LambdaEventFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public LambdaEventFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
