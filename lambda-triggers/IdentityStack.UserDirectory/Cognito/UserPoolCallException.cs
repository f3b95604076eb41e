namespace IdentityStack.UserDirectory.Cognito;

/// <summary>Cognito refused a call: its error type (e.g. TooManyRequestsException, UsernameExistsException) and message.</summary>
public sealed class UserPoolCallException : Exception
{
    /// <summary>A refusal of <paramref name="errorType"/>.</summary>
    public UserPoolCallException(string errorType, string message)
        : base($"{errorType}: {message}") => ErrorType = errorType;

    /// <summary>A refusal without details (for serializers); prefer the other.</summary>
    public UserPoolCallException() => ErrorType = "Unknown";

    /// <summary>A refusal with a message only.</summary>
    public UserPoolCallException(string message)
        : base(message) => ErrorType = "Unknown";

    /// <summary>A refusal with a message and cause.</summary>
    public UserPoolCallException(string message, Exception innerException)
        : base(message, innerException) => ErrorType = "Unknown";

    /// <summary>Cognito's error type, without its namespace.</summary>
    public string ErrorType { get; }

    /// <summary>Whether waiting and calling again can succeed (throttling, Cognito's internal errors).</summary>
    public bool IsRetryable => ErrorType is "TooManyRequestsException" or "InternalErrorException" or "LimitExceededException" or "ThrottlingException";
}
