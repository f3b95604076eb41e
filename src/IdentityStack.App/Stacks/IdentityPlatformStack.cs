using Amazon.CDK;
using IdentityStack.App.Configuration;
using IdentityStack.Constructs.Functions;
using IdentityStack.Constructs.Triggers;
using IdentityStack.Constructs.UserPools;
using Constructs;

namespace IdentityStack.App.Stacks;

/// <summary>One stage of the identity platform: the user pool and everything wired to it.</summary>
internal sealed class IdentityPlatformStack : Stack
{
    public IdentityPlatformStack(Construct scope, StageConfig stage)
        : base(scope, stage.StackName, new StackProps
        {
            StackName = stage.StackName,
            Description = $"IdentityStack {stage.Name}: Cognito identity platform",
            Env = new Amazon.CDK.Environment { Account = stage.Account, Region = stage.Region },
            TerminationProtection = stage.DeletionProtection,
        })
    {
        Stage = stage;
        Amazon.CDK.Tags.Of(this).Add("identitystack:stage", stage.Name);
        Amazon.CDK.Tags.Of(this).Add("identitystack:component", "identity");

        UserPool = new SecureUserPool(this, "Identity", new SecureUserPoolProps
        {
            UserPoolName = "identity-" + stage.Name,
            SelfSignUpEnabled = stage.SelfSignUp,
            Mfa = stage.Mfa,
            ThreatProtection = stage.ThreatProtection,
            DeletionProtection = stage.DeletionProtection,
            RemovalPolicy = stage.RemovalPolicy == StageRemovalPolicy.Retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
            Email = stage.Email,
            SmsEnabled = stage.Sms,
            Groups = stage.Groups,
        });

        var triggerBuild = TriggerSources.For(stage.TriggerArchitecture);
        Triggers = new CognitoTriggers(this, "Triggers", new CognitoTriggersProps
        {
            UserPool = UserPool,
            Code = NativeAotCode.FromProject(triggerBuild),
            Architecture = triggerBuild.Architecture,
            AllowedEmailDomains = stage.AllowedSignUpEmailDomains,
            GroupScopes = stage.GroupScopes,
            SendsEmailThroughSes = stage.Email is not null,
            RemovalPolicy = stage.RemovalPolicy == StageRemovalPolicy.Retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });

        Output("UserPoolId", UserPool.UserPool.UserPoolId, "Cognito user pool id");
        Output("UserPoolArn", UserPool.UserPool.UserPoolArn, "Cognito user pool ARN");
        Output("UserPoolProviderUrl", UserPool.ProviderUrl, "Token issuer (OIDC provider URL) of the user pool");
    }

    /// <summary>The stage this stack was built from.</summary>
    public StageConfig Stage { get; }

    /// <summary>The stage's user pool.</summary>
    public SecureUserPool UserPool { get; }

    /// <summary>The pool's Lambda triggers.</summary>
    public CognitoTriggers Triggers { get; }

    private void Output(string id, string value, string description) =>
        _ = new CfnOutput(this, id, new CfnOutputProps
        {
            Value = value,
            Description = description,
            ExportName = $"{Stage.StackName}-{id}",
        });
}
