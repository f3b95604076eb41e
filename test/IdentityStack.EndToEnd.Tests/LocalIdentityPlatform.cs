using System.Text.Json.Nodes;
using IdentityStack.EndToEnd.Tests.Api;
using IdentityStack.EndToEnd.Tests.Cognito;
using IdentityStack.EndToEnd.Tests.Template;
using IdentityStack.Testing;

namespace IdentityStack.EndToEnd.Tests;

/// <summary>
/// The dev stage run on 127.0.0.1 from its synthesized template: cognito-local with the stage's
/// pool, clients and groups, calling the real Native AOT triggers through the Lambda host; the
/// HTTP API's authorizer and routes in front of the real backend; DynamoDB as a recording
/// endpoint. Started once for the tests of a class; disposing stops every process and port.
/// </summary>
#pragma warning disable CA1001 // xunit disposes a fixture through IAsyncLifetime.DisposeAsync.
public sealed class LocalIdentityPlatform : IAsyncLifetime
#pragma warning restore CA1001
{
    public const string Stage = "dev";
    public const string SpaClientName = "UserPool-SpaClient";
    public const string Password = "Correct-Horse-42!";
    internal static readonly string Bootstrap = RepositoryRoot.File(Path.Combine("artifacts", "bootstrap", "linux-x64", "bootstrap"));

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private CognitoLocalServer? _server;
    private LambdaHost? _lambda;
    private RecordingDynamoDb? _dynamoDb;
    private RecordingCognitoEndpoint? _cognitoIdentity;
    private LocalUserPool? _pool;
    private LocalHttpApi? _api;
    private LocalFunctions? _functions;

    internal CognitoLocalServer Server => _server ?? throw NotStarted();

    internal LambdaHost Lambda => _lambda ?? throw NotStarted();

    internal RecordingDynamoDb DynamoDb => _dynamoDb ?? throw NotStarted();

    /// <summary>Amazon Cognito Identity on loopback (cognito-local has none): records the backend's signed calls and answers a developer identity.</summary>
    internal RecordingCognitoEndpoint CognitoIdentity => _cognitoIdentity ?? throw NotStarted();

    internal LocalUserPool Pool => _pool ?? throw NotStarted();

    internal LocalFunctions Functions => _functions ?? throw NotStarted();

    internal CognitoLocalClient Cognito => new(_http, Server.Url);

    internal LocalAppClient Spa => Pool.Client(SpaClientName);

    /// <summary>The HTTP API as it answers now, or as it would at another time (for expiry).</summary>
    internal LocalHttpApi Api(TimeProvider? at = null) => at is null ? _api ?? throw NotStarted() : _api!.At(at);

    public async Task InitializeAsync()
    {
        if (!File.Exists(Bootstrap))
        {
            throw new FileNotFoundException($"{Bootstrap} is missing: ./build.sh publish (./build.sh e2e does it).");
        }

        var template = SynthesizedTemplate.Load(Stage);
        _dynamoDb = new RecordingDynamoDb();
        _cognitoIdentity = new RecordingCognitoEndpoint { CognitoAnswer = (System.Net.HttpStatusCode.OK, """{"IdentityId":"eu-west-1:00000000-0000-4000-8000-000000000001","Token":"local-open-id-token"}""") };
        var local = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ENDPOINT_URL_DYNAMODB"] = _dynamoDb.Url,
            ["AWS_ENDPOINT_URL_COGNITO_IDENTITY"] = _cognitoIdentity.Url,
        };
        _functions = new LocalFunctions(template, new TemplateValues(id => id, (id, _) => id), local);
        _lambda = new LambdaHost(Bootstrap, _functions.Definitions);
        _server = await CognitoLocalServer.StartAsync(new JsonObject
        {
            ["LambdaClient"] = new JsonObject
            {
                ["endpoint"] = _lambda.Url,
                ["region"] = "local",
                ["credentials"] = new JsonObject { ["accessKeyId"] = "local", ["secretAccessKey"] = "local" },
            },
            ["TriggerFunctions"] = _functions.TriggerFunctions.DeepClone(),
            ["UserPoolDefaults"] = new JsonObject(),
        });
        _pool = await LocalUserPool.CreateAsync(template, Cognito);
        var lambdaUrl = _lambda.Url;
        _api = await LocalHttpApi.FromTemplateAsync(_pool, _server.Url, _functions.RouteFunctions, function => new Uri($"{lambdaUrl}/2015-03-31/functions/{function}/invocations"), _http, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_lambda is not null)
        {
            await _lambda.DisposeAsync();
        }

        if (_dynamoDb is not null)
        {
            await _dynamoDb.DisposeAsync();
        }

        if (_cognitoIdentity is not null)
        {
            await _cognitoIdentity.DisposeAsync();
        }

        _http.Dispose();
    }

    /// <summary>Signs a user up through the SPA client, as the sign-up page does.</summary>
    internal Task<JsonObject> SignUpAsync(string username, string email) =>
        Cognito.CallAsync("SignUp", new JsonObject
        {
            ["ClientId"] = Spa.ClientId,
            ["Username"] = username,
            ["Password"] = Password,
            ["UserAttributes"] = new JsonArray(new JsonObject { ["Name"] = "email", ["Value"] = email }),
        });

    /// <summary>Confirms a sign-up with the code the user was sent.</summary>
    internal Task<JsonObject> ConfirmAsync(string username, string code) =>
        Cognito.CallAsync("ConfirmSignUp", new JsonObject { ["ClientId"] = Spa.ClientId, ["Username"] = username, ["ConfirmationCode"] = code });

    /// <summary>
    /// A user of a tenant, invited as tenants' users are: the tenant attribute is immutable and no
    /// app client may write it, so an administrator creates the user with it (AdminCreateUser, the
    /// temporary password sent by our custom message), adds the group, and the user's first
    /// sign-in sets the password (NEW_PASSWORD_REQUIRED).
    /// </summary>
    internal async Task<CognitoDelivery> InvitedUserAsync(string username, string tenant, string group)
    {
        await Cognito.CallAsync("AdminCreateUser", new JsonObject
        {
            ["UserPoolId"] = Pool.PoolId,
            ["Username"] = username,
            ["DesiredDeliveryMediums"] = new JsonArray("EMAIL"),
            ["UserAttributes"] = new JsonArray(
                new JsonObject { ["Name"] = "email", ["Value"] = $"{username}@example.com" },
                new JsonObject { ["Name"] = "email_verified", ["Value"] = "true" },
                new JsonObject { ["Name"] = "custom:tenant_id", ["Value"] = tenant }),
        });
        var invitation = await Server.NextDeliveryAsync(username);
        await Cognito.CallAsync("AdminAddUserToGroup", new JsonObject { ["UserPoolId"] = Pool.PoolId, ["Username"] = username, ["GroupName"] = group });
        var challenge = await PasswordSignInAsync(Spa.ClientId, username, invitation.Code);
        await Cognito.CallAsync("RespondToAuthChallenge", new JsonObject
        {
            ["ClientId"] = Spa.ClientId,
            ["ChallengeName"] = (string?)challenge["ChallengeName"],
            ["Session"] = (string?)challenge["Session"],
            ["ChallengeResponses"] = new JsonObject { ["USERNAME"] = username, ["NEW_PASSWORD"] = Password },
        });
        return invitation;
    }

    /// <summary>USER_PASSWORD_AUTH through the SPA client: tokens, or the challenge that comes instead.</summary>
    internal Task<JsonObject> SignInAsync(string username) => PasswordSignInAsync(Spa.ClientId, username, Password);

    /// <summary>USER_PASSWORD_AUTH through any client of cognito-local (also other pools' clients).</summary>
    internal Task<JsonObject> PasswordSignInAsync(string clientId, string username, string password) =>
        Cognito.CallAsync("InitiateAuth", new JsonObject
        {
            ["ClientId"] = clientId,
            ["AuthFlow"] = "USER_PASSWORD_AUTH",
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = username, ["PASSWORD"] = password },
        });

    /// <summary>The invocations of one function since the test began (by the template's logical id).</summary>
    internal IReadOnlyList<JsonNode> EventsOf(string triggerName) =>
        [.. Lambda.Invocations
            .Where(i => string.Equals(i.Function, (string?)Functions.TriggerFunctions[triggerName], StringComparison.Ordinal))
            .Select(i => JsonNode.Parse(i.Event)!)];

    /// <summary>A username no other test of the run has: who it is for, then random hex, 20 characters.</summary>
    internal static string NewUsername(string who) => $"{who}-{Guid.NewGuid():N}"[..20];

    /// <summary>The claims of a JWT (its payload, not verified: the local run checks what the tokens say).</summary>
    internal static JsonObject Claims(string token) =>
        (JsonObject)JsonNode.Parse(System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1])))!;

    private static InvalidOperationException NotStarted() => new("the local identity platform is not started");
}
