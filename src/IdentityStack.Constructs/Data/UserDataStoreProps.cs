using Amazon.CDK;

namespace IdentityStack.Constructs.Data;

/// <summary>Options for <see cref="UserDataStore"/>.</summary>
public sealed class UserDataStoreProps
{
    /// <summary>Browser origins (scheme://host[:port]) allowed to call the bucket directly; default none.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    /// <summary>What happens to the bucket and tables when they leave the stack. Default RETAIN.</summary>
    public RemovalPolicy RemovalPolicy { get; init; } = RemovalPolicy.RETAIN;
}
