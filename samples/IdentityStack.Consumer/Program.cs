using Amazon.CDK;
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
/// passkeys and its clients, an identity pool over per-user data, and the JWT-protected API whose
/// every route a token of the hosted clients can reach, all from IdentityStack.Constructs.
/// </summary>
internal sealed class ConsumerIdentityStack : Stack
{
    /// <summary>The resource server's identifier: the API's scopes are "consumer/read", "consumer/write", "consumer/admin".</summary>
    private const string Api = "consumer";

    public ConsumerIdentityStack(Construct scope, string id, IStackProps props)
        : base(scope, id, props)
    {
        // Admins get the admin scope through their group (the token trigger adds it); everyone signed in reads and writes.
        var pool = new SecureUserPool(this, "Users", new SecureUserPoolProps
        {
            UserPoolName = "consumer-users",
            SelfSignUpEnabled = true,
            Groups =
            [
                new UserPoolGroupDefinition("admins", "Administrators", 0) { Scopes = [Api + "/admin", Api + "/write", Api + "/read"] },
                new UserPoolGroupDefinition("members", "Members", 10) { Scopes = [Api + "/read", Api + "/write"] },
            ],
        });

        // The prebuilt Native AOT binary from the package: no .NET AOT toolchain needed to deploy.
        var binary = NativeAotBinary.Prebuilt(Architecture.ARM_64);
        var triggers = new CognitoTriggers(this, "Triggers", new CognitoTriggersProps
        {
            UserPool = pool,
            Binary = binary,
            AllowedEmailDomains = ["example.com"],
        });

        // Managed login on a Cognito domain, the resource server with read, write and admin, and the
        // clients: a SPA (authorization code with PKCE, never the implicit grant), a server client, a machine client.
        var signIn = new HostedSignIn(this, "SignIn", new HostedSignInProps
        {
            UserPool = pool.UserPool,
            DomainPrefix = "consumer-identity",
            ResourceServerIdentifier = Api,
            CallbackUrls = ["https://app.example.com/callback"],
            LogoutUrls = ["https://app.example.com/"],
            FirstFactors = [FirstAuthFactor.Password, FirstAuthFactor.WebAuthn],
        });

        _ = new SecureIdentityPool(this, "Identities", new SecureIdentityPoolProps
        {
            UserPool = pool,
            Clients = [signIn.SpaClient],
            Data = new UserDataStore(this, "Data", new UserDataStoreProps()),
        });

        _ = new JwtProtectedApi(this, "Api", new JwtProtectedApiProps
        {
            UserPool = pool.UserPool,
            Clients = [signIn.SpaClient],
            ResourceServerIdentifier = signIn.ResourceServerIdentifier,
            Binary = binary,
            DirectoryTable = triggers.DirectoryTable,
            AdminGroup = "admins",
            CorsOrigins = ["https://app.example.com"],
        });
    }
}
