using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using IdentityStack.Constructs.Functions;
using IdentityStack.Triggers.Contract;
using Constructs;

namespace IdentityStack.Constructs.Triggers;

/// <summary>
/// Tells the pre token generation trigger which tenant and scopes each machine client has: one
/// custom resource per client writes its <c>CLIENT#{client id}</c> item to the directory table at
/// deploy (handler <see cref="CustomResourceHandlerNames.MachineClientRegistration"/>), and removes
/// it when the client leaves. The trigger cannot take client ids in its environment: the pool
/// references the trigger and every client references the pool, so that would be a cycle. The
/// function may write and delete machine client items only.
/// </summary>
public sealed class MachineClientRegistry : Construct
{
    private const string ResourceType = "Custom::MachineClientRegistration";
    private static readonly string[] MachineClientKeys = [DirectoryKeys.MachineClientPrefix + "*"];

    /// <summary>The custom resource's function.</summary>
    public NativeAotFunction Function { get; }

    /// <summary>Creates the function and one registration per client.</summary>
    public MachineClientRegistry(Construct scope, string id, MachineClientRegistryProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        PropsProblem.ThrowIfAny(nameof(MachineClientRegistryProps), props.Problems(), nameof(props));
        Function = new NativeAotFunction(this, "Function", new NativeAotFunctionProps
        {
            Binary = props.Binary,
            Handler = CustomResourceHandlerNames.MachineClientRegistration,
            Description = "CloudFormation custom resource: machine clients' tenants and scopes for the token trigger",
            Timeout = Duration.Seconds(60),
            MemorySize = 256,
            Environment = new Dictionary<string, string>(StringComparer.Ordinal) { [TriggerEnvironment.DirectoryTable] = props.DirectoryTable.TableName },
            LogRetention = props.LogRetention,
            LogRemovalPolicy = props.LogRemovalPolicy,
        });
        Function.Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["dynamodb:PutItem", "dynamodb:DeleteItem"],
            Resources = [props.DirectoryTable.TableArn],
            Conditions = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["ForAllValues:StringLike"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["dynamodb:LeadingKeys"] = MachineClientKeys },
            },
        }));

        foreach (var client in props.Clients)
        {
            // Named after the client's construct id, which is unique in the client's scope.
            var resource = new CfnCustomResource(this, client.Client.Node.Id, new CfnCustomResourceProps { ServiceToken = Function.Function.FunctionArn });
            resource.AddOverride("Type", ResourceType);
            resource.AddPropertyOverride("ClientId", client.Client.UserPoolClientId);
            if (client.TenantId is not null)
            {
                resource.AddPropertyOverride("TenantId", client.TenantId);
            }

            resource.AddPropertyOverride("Scopes", client.Scopes.ToArray());
            resource.Node.AddDependency(Function.Role);
        }
    }
}
