namespace IdentityStack.Testing;

/// <summary>An error answer of Cognito: the operation, the error type (e.g. UserLambdaValidationException) and its message.</summary>
internal sealed class CognitoErrorException(string operation, string errorType, string message)
    : Exception($"{operation} failed: {errorType}: {message}")
{
    public string ErrorType { get; } = errorType;

    public string ErrorMessage { get; } = message;
}
