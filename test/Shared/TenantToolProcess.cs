namespace IdentityStack.Testing;

/// <summary>identity-tenant run as a process against a loopback DynamoDB and STS (<see cref="OperationsToolProcess"/>).</summary>
internal static class TenantToolProcess
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string dynamoDbUrl, string stsUrl, params string[] args) =>
        OperationsToolProcess.RunAsync(
            "identity-tenant",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamoDbUrl, ["AWS_ENDPOINT_URL_STS"] = stsUrl },
            args);
}
