using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using IdentityStack.Constructs.Functions;
using IdentityStack.Triggers.Contract;
using Constructs;

namespace IdentityStack.Constructs.SignIn;

/// <summary>
/// The classic hosted UI's CSS and logo for all clients. CloudFormation's
/// UICustomizationAttachment takes CSS only, so this is a custom resource served by the platform's
/// Native AOT binary (handler <see cref="CustomResourceHandlerNames.ClassicUiCustomization"/>),
/// which calls SetUICustomization; its role may call that on this pool only.
/// </summary>
public sealed class ClassicHostedUiCustomization : Construct
{
    /// <summary>The custom resource's function.</summary>
    public NativeAotFunction Function { get; }

    /// <summary>Creates the function, its permission and the custom resource.</summary>
    public ClassicHostedUiCustomization(Construct scope, string id, IUserPool pool, string css, ClassicHostedUiLogo logo, NativeAotBinary binary, Amazon.CDK.AWS.Logs.RetentionDays logRetention = IdentityStack.Constructs.LogRetention.ConstructDefault)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(logo);
        Function = new NativeAotFunction(this, "Function", new NativeAotFunctionProps
        {
            Binary = binary,
            Handler = CustomResourceHandlerNames.ClassicUiCustomization,
            Description = "CloudFormation custom resource: the classic hosted UI's CSS and logo (SetUICustomization)",
            Timeout = Duration.Seconds(60),
            MemorySize = 256,
            LogRetention = logRetention,
        });
        Function.Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Effect = Effect.ALLOW,
            Actions = ["cognito-idp:SetUICustomization"],
            Resources = [pool.UserPoolArn],
        }));
        var resource = new CfnCustomResource(this, "Resource", new CfnCustomResourceProps { ServiceToken = Function.Function.FunctionArn });
        resource.AddOverride("Type", "Custom::ClassicUiCustomization");
        resource.AddPropertyOverride("UserPoolId", pool.UserPoolId);
        resource.AddPropertyOverride("ClientId", "ALL");
        resource.AddPropertyOverride("Css", css);
        resource.AddPropertyOverride("ImageFile", logo.ToBase64());
        resource.Node.AddDependency(Function.Role);
    }
}
