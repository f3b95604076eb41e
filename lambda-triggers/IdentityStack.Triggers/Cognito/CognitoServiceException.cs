namespace IdentityStack.Triggers.Cognito;

/// <summary>An error answer of the Cognito API: its <c>__type</c> (e.g. ResourceNotFoundException) and message.</summary>
internal sealed class CognitoServiceException(string errorType, string message)
    : Exception($"{errorType}: {message}")
{
    public string ErrorType { get; } = errorType;
}
