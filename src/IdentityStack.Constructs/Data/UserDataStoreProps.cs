using Amazon.CDK;

namespace IdentityStack.Constructs.Data;

/// <summary>Options for <see cref="UserDataStore"/>.</summary>
public sealed class UserDataStoreProps
{
    /// <summary>Browser origins (scheme://host[:port]) allowed to call the bucket directly; default none.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    /// <summary>How long replaced or deleted versions of users' files are kept before S3 expires them. Default 30 days.</summary>
    public Duration NoncurrentVersionExpiration { get; init; } = Duration.Days(30);

    /// <summary>How long S3 access logs of the files bucket are kept. Default 365 days.</summary>
    public Duration AccessLogExpiration { get; init; } = Duration.Days(LogRetention.ProductionDays);

    /// <summary>What happens to the bucket and tables when they leave the stack. Default RETAIN.</summary>
    public RemovalPolicy RemovalPolicy { get; init; } = RemovalPolicy.RETAIN;
}
