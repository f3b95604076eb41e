namespace IdentityStack.Triggers.CustomResources;

/// <summary>The function's AWS credentials, as Lambda puts them in the environment.</summary>
internal sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken)
{
    public static AwsCredentials FromEnvironment(Func<string, string?> environment) => new(
        environment("AWS_ACCESS_KEY_ID") ?? throw new InvalidOperationException("AWS_ACCESS_KEY_ID is not set; the function has no credentials."),
        environment("AWS_SECRET_ACCESS_KEY") ?? throw new InvalidOperationException("AWS_SECRET_ACCESS_KEY is not set; the function has no credentials."),
        environment("AWS_SESSION_TOKEN"));
}
