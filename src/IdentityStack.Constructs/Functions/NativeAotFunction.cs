using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace IdentityStack.Constructs.Functions;

/// <summary>
/// A Lambda function running a Native AOT <c>bootstrap</c> on <c>provided.al2023</c>, with its own
/// role (allowed to write its own log group and X-Ray traces, nothing else until granted), a log
/// group with retention, and active tracing.
/// </summary>
public sealed class NativeAotFunction : Construct
{
    /// <summary>The function.</summary>
    public Function Function { get; }

    /// <summary>The function's role; grant data access to it.</summary>
    public Role Role { get; }

    /// <summary>The function's log group.</summary>
    public LogGroup LogGroup { get; }

    /// <summary>Creates the function.</summary>
    public NativeAotFunction(Construct scope, string id, NativeAotFunctionProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        LogGroup = new LogGroup(this, "Logs", new LogGroupProps
        {
            Retention = props.LogRetention,
            RemovalPolicy = props.LogRemovalPolicy,
        });
        Role = new Role(this, "Role", new RoleProps
        {
            Description = props.Description + " (execution role)",
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            InlinePolicies = new Dictionary<string, PolicyDocument>(StringComparer.Ordinal)
            {
                ["WriteOwnLogs"] = new(new PolicyDocumentProps
                {
                    Statements =
                    [
                        new PolicyStatement(new PolicyStatementProps
                        {
                            Actions = ["logs:CreateLogStream", "logs:PutLogEvents"],
                            Resources = [LogGroup.LogGroupArn],
                        }),
                    ],
                }),
            },
        });
        Function = new Function(this, "Function", new FunctionProps
        {
            Runtime = Runtime.PROVIDED_AL2023,
            Architecture = props.Binary.Architecture,
            Handler = props.Handler,
            Code = props.Binary.Code,
            Description = props.Description,
            Timeout = props.Timeout,
            MemorySize = props.MemorySize,
            Environment = props.Environment.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            Role = Role,
            LogGroup = LogGroup,
            Tracing = Tracing.ACTIVE,
        });
    }
}
