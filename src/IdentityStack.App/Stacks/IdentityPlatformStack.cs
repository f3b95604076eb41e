using Amazon.CDK;
using IdentityStack.App.Configuration;
using Amazon.CDK.AWS.SSM;
using IdentityStack.Constructs.Federation;
using IdentityStack.Constructs.Functions;
using IdentityStack.Constructs.SignIn;
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

        var removalPolicy = stage.RemovalPolicy == StageRemovalPolicy.Retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        UserPool = new SecureUserPool(this, "Identity", new SecureUserPoolProps
        {
            UserPoolName = "identity-" + stage.Name,
            SelfSignUpEnabled = stage.SelfSignUp,
            Mfa = stage.Mfa,
            ThreatProtection = stage.ThreatProtection,
            DeletionProtection = stage.DeletionProtection,
            RemovalPolicy = removalPolicy,
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
            RemovalPolicy = removalPolicy,
        });

        Publish("UserPoolId", "user-pool-id", UserPool.UserPool.UserPoolId, "Cognito user pool id");
        Publish("UserPoolArn", "user-pool-arn", UserPool.UserPool.UserPoolArn, "Cognito user pool ARN");
        Publish("UserPoolProviderUrl", "provider-url", UserPool.ProviderUrl, "Token issuer (OIDC provider URL) of the user pool");

        Federation = new FederatedProviders(this, "Federation", UserPool, stage.Federation);
        if (stage.SignIn is { } signIn)
        {
            SignIn = new HostedSignIn(this, "SignIn", new HostedSignInProps
            {
                IdentityProviders = [.. signIn.IdentityProviders.Select(name => Federation.Providers[name])],
                UserPool = UserPool,
                DomainPrefix = signIn.DomainPrefix,
                CustomDomain = signIn.CustomDomain,
                Ui = signIn.Ui,
                ClassicCss = signIn.ClassicCss,
                ManagedLoginStyle = signIn.ManagedLoginStyle,
                CallbackUrls = signIn.CallbackUrls,
                LogoutUrls = signIn.LogoutUrls,
                AllowPasswordAuth = signIn.AllowPasswordAuth,
                AccessTokenValidity = Duration.Minutes(signIn.AccessTokenMinutes),
                IdTokenValidity = Duration.Minutes(signIn.IdTokenMinutes),
                RefreshTokenValidity = Duration.Days(signIn.RefreshTokenDays),
            });
            Publish("SpaClientId", "clients/spa-id", SignIn.SpaClient.UserPoolClientId, "Public SPA app client id (code + PKCE)");
            Publish("ServerClientId", "clients/server-id", SignIn.ServerClient.UserPoolClientId, "Confidential server app client id (its secret is never output)");
            Publish("MachineClientId", "clients/machine-id", SignIn.MachineClient.UserPoolClientId, "Machine-to-machine app client id (client_credentials)");
            Publish("DomainUrl", "domain-url", SignIn.Domain.BaseUrl(), "Hosted sign-in domain");
            Publish("HostedSignInUrl", "hosted-sign-in-url", SignIn.SpaSignInUrl(signIn.CallbackUrls[0]), "Hosted sign-in page of the SPA client (add PKCE parameters)");
        }
    }

    /// <summary>The stage this stack was built from.</summary>
    public StageConfig Stage { get; }

    /// <summary>The stage's user pool.</summary>
    public SecureUserPool UserPool { get; }

    /// <summary>External identity providers of the stage.</summary>
    public FederatedProviders Federation { get; }

    /// <summary>Hosted sign-in: domain, resource server, clients; null when the stage configures none.</summary>
    public HostedSignIn? SignIn { get; }

    /// <summary>The pool's Lambda triggers.</summary>
    public CognitoTriggers Triggers { get; }

    /// <summary>A stack output (exported) and an SSM parameter <c>/identity/{stage}/{parameter}</c>, for other stacks and teams.</summary>
    private void Publish(string id, string parameter, string value, string description)
    {
        _ = new CfnOutput(this, id, new CfnOutputProps
        {
            Value = value,
            Description = description,
            ExportName = $"{Stage.StackName}-{id}",
        });
        _ = new StringParameter(this, id + "Parameter", new StringParameterProps
        {
            ParameterName = $"/identity/{Stage.Name}/{parameter}",
            StringValue = value,
            Description = description,
        });
    }
}
