using IdentityStack.Constructs.Functions;
using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Lambda;

namespace IdentityStack.Constructs.Api;

/// <summary>Options for <see cref="JwtProtectedApi"/>.</summary>
public sealed record JwtProtectedApiProps
{
    /// <summary>The user pool whose tokens the JWT authorizer accepts (its issuer URL).</summary>
    public required IUserPool UserPool { get; init; }

    /// <summary>App clients allowed to call: the authorizer's audience (checked against <c>aud</c> of ID tokens, <c>client_id</c> of access tokens).</summary>
    public required IReadOnlyList<IUserPoolClient> Clients { get; init; }

    /// <summary>The resource server identifier: routes need "{identifier}/write" and "{identifier}/admin".</summary>
    public required string ResourceServerIdentifier { get; init; }

    /// <summary>The platform's Native AOT binary and its CPU; the backend is its handler "ApiBackend".</summary>
    public required NativeAotBinary Binary { get; init; }

    /// <summary>The directory table GET /admin/users lists (read with Scan only).</summary>
    public required ITable DirectoryTable { get; init; }

    /// <summary>The group whose members may use admin routes (checked by the backend besides the admin scope).</summary>
    public required string AdminGroup { get; init; }

    /// <summary>Browser origins allowed by CORS (scheme://host[:port]); default none.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    /// <summary>Steady requests per second for the stage. Default 50.</summary>
    public int ThrottleRateLimit { get; init; } = 50;

    /// <summary>Burst of requests for the stage. Default 100.</summary>
    public int ThrottleBurstLimit { get; init; } = 100;

    /// <summary>What happens to the access log group when it leaves the stack. Default RETAIN.</summary>
    public RemovalPolicy LogRemovalPolicy { get; init; } = RemovalPolicy.RETAIN;

    /// <summary>How long the access logs and the backend's logs are kept. Default 90 days.</summary>
    public Amazon.CDK.AWS.Logs.RetentionDays LogRetention { get; init; } = Amazon.CDK.AWS.Logs.RetentionDays.THREE_MONTHS;
}
