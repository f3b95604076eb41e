using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace IdentityStack.Triggers.Directory;

/// <summary>
/// The DynamoDB client the triggers use, set for Cognito's 5-second limit: each attempt may take
/// at most <see cref="AttemptTimeout"/>, and a failed attempt is retried at most
/// <see cref="Retries"/> times (standard retry mode, with back-off). The invocation's budget
/// (<see cref="InvocationBudget"/>) cuts the whole call short whatever these allow.
/// </summary>
internal static class DynamoDbClientSettings
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1.5);
    public const int Retries = 2;

    /// <summary>A client with these settings; endpoint and credentials as the SDK resolves them (AWS_ENDPOINT_URL_DYNAMODB honoured).</summary>
    public static IAmazonDynamoDB CreateClient() => new AmazonDynamoDBClient(new AmazonDynamoDBConfig
    {
        Timeout = AttemptTimeout,
        MaxErrorRetry = Retries,
        RetryMode = RequestRetryMode.Standard,
    });
}
