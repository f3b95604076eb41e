using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using IdentityStack.Constructs.Api;
using IdentityStack.Constructs.Data;
using IdentityStack.Constructs.Functions;
using IdentityStack.Constructs.IdentityPools;
using IdentityStack.Constructs.SignIn;
using IdentityStack.Constructs.Triggers;
using IdentityStack.Constructs.UserPools;

var app = new App();
_ = new ConsumerIdentityStack(app, "ConsumerIdentity", new StackProps
{
    Env = new Amazon.CDK.Environment { Account = "111122223333", Region = "eu-west-1" },
});
app.Synth();

/// <summary>
/// What a consuming team writes: a secure user pool with the packaged triggers, hosted sign-in with
/// passkeys, an app client, an identity pool over per-user data, and the JWT-protected API, all from
/// IdentityStack.Constructs.
/// </summary>
internal sealed class ConsumerIdentityStack : Stack
{
    public ConsumerIdentityStack(Construct scope, string id, IStackProps props)
        : base(scope, id, props)
    {
        var pool = new SecureUserPool(this, "Users", new SecureUserPoolProps
        {
            UserPoolName = "consumer-users",
            SelfSignUpEnabled = true,
            Groups = [new UserPoolGroupDefinition("admins", "Administrators", 0)],
        });

        // The prebuilt Native AOT binary from the package: no .NET AOT toolchain needed to deploy.
        var binary = NativeAotBinary.Prebuilt(Architecture.ARM_64);
        var triggers = new CognitoTriggers(this, "Triggers", new CognitoTriggersProps
        {
            UserPool = pool,
            Binary = binary,
            AllowedEmailDomains = ["example.com"],
        });

        // Managed login on a Cognito domain; users may sign in with a passkey (bound to that domain) or a password.
        _ = new HostedSignIn(this, "SignIn", new HostedSignInProps
        {
            UserPool = pool.UserPool,
            DomainPrefix = "consumer-identity",
            ResourceServerIdentifier = "consumer-hosted",
            CallbackUrls = ["https://app.example.com/callback"],
            LogoutUrls = ["https://app.example.com/"],
            FirstFactors = [FirstAuthFactor.Password, FirstAuthFactor.WebAuthn],
        });

        var resourceServer = pool.UserPool.AddResourceServer("Api", new UserPoolResourceServerOptions
        {
            Identifier = "consumer",
            Scopes = [new ResourceServerScope(new ResourceServerScopeProps { ScopeName = "write", ScopeDescription = "Change data" })],
        });
        var web = pool.UserPool.AddClient("Web", new UserPoolClientOptions
        {
            GenerateSecret = false,
            AuthFlows = new AuthFlow { UserSrp = true },
            OAuth = new OAuthSettings
            {
                Flows = new OAuthFlows { AuthorizationCodeGrant = true },
                CallbackUrls = ["https://app.example.com/callback"],
                Scopes = [OAuthScope.OPENID, OAuthScope.ResourceServer(resourceServer, new ResourceServerScope(new ResourceServerScopeProps { ScopeName = "write", ScopeDescription = "Change data" }))],
            },
        });

        _ = new SecureIdentityPool(this, "Identities", new SecureIdentityPoolProps
        {
            UserPool = pool,
            Clients = [web],
            Data = new UserDataStore(this, "Data", new UserDataStoreProps()),
        });

        _ = new JwtProtectedApi(this, "Api", new JwtProtectedApiProps
        {
            UserPool = pool.UserPool,
            Clients = [web],
            ResourceServerIdentifier = "consumer",
            Binary = binary,
            DirectoryTable = triggers.DirectoryTable,
            AdminGroup = "admins",
            CorsOrigins = ["https://app.example.com"],
        });
    }
}
