using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AwsApigatewayv2Authorizers;
using Amazon.CDK.AwsApigatewayv2Integrations;
using Amazon.CDK.AWS.Logs;
using IdentityStack.Constructs.Functions;
using IdentityStack.Triggers.Contract;
using Constructs;
using ApiMethod = Amazon.CDK.AWS.Apigatewayv2.HttpMethod;

namespace IdentityStack.Constructs.Api;

/// <summary>
/// An HTTP API whose routes are guarded by a JWT authorizer bound to the user pool (issuer
/// <c>https://cognito-idp.{region}.amazonaws.com/{poolId}</c>) and its clients (audience), with
/// per-route scopes, a Native AOT backend, CORS for the app origins, JSON access logs and stage
/// throttling. <c>GET /health</c> is public on purpose.
/// </summary>
public sealed class JwtProtectedApi : Construct
{
    /// <summary>The HTTP API.</summary>
    public HttpApi Api { get; }

    /// <summary>The backend function.</summary>
    public NativeAotFunction Backend { get; }

    /// <summary>The developer login's own function (the only one that may issue developer identities); null without developer login.</summary>
    public NativeAotFunction? DeveloperLogin { get; }

    /// <summary>The stage's JSON access logs.</summary>
    public LogGroup AccessLogs { get; }

    /// <summary>The API's base URL.</summary>
    public string Url => Api.ApiEndpoint;

    /// <summary>Creates the API, authorizer, routes, backend and logs.</summary>
    public JwtProtectedApi(Construct scope, string id, JwtProtectedApiProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        PropsProblem.ThrowIfAny(nameof(JwtProtectedApiProps), props.Problems(), nameof(props));

        Backend = CreateBackend(props);
        if (props.DeveloperLogin is { } loginOptions && props.DeveloperIdentities is { } identities)
        {
            DeveloperLogin = CreateDeveloperLogin(props, loginOptions, identities);
        }

        Api = CreateApi(props);
        AccessLogs = new LogGroup(this, "AccessLogs", new LogGroupProps { Retention = props.LogRetention, RemovalPolicy = props.LogRemovalPolicy });
        var stage = (CfnStage)Api.DefaultStage!.Node.DefaultChild!;
        stage.AccessLogSettings = new CfnStage.AccessLogSettingsProperty
        {
            DestinationArn = AccessLogs.LogGroupArn,
            Format = AccessLogFormat,
        };
        stage.DefaultRouteSettings = new CfnStage.RouteSettingsProperty
        {
            ThrottlingRateLimit = props.Throttle.RateLimit,
            ThrottlingBurstLimit = props.Throttle.BurstLimit,
        };
        if (props.DeveloperLogin is { } login)
        {
            ThrottleDeveloperLogin(login, stage);
        }
    }

    /// <summary>POST /developer-identity is throttled on its own, tighter than the API.</summary>
    private static void ThrottleDeveloperLogin(DeveloperLoginOptions login, CfnStage stage)
    {
        var route = ApiRouteTable.DeveloperLogin;
        // RouteSettings is untyped JSON in CloudFormation: the CDK would write a typed struct's keys in
        // camel case, which CloudFormation ignores, so the keys are written as CloudFormation names them.
        stage.RouteSettings = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [route.Key] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["ThrottlingRateLimit"] = login.Throttle.RateLimit,
                ["ThrottlingBurstLimit"] = login.Throttle.BurstLimit,
            },
        };
    }

    /// <summary>
    /// The developer login's own function and role: the only one that may issue developer identities
    /// (in this identity pool only); it reads the legacy directory, reads tenants and keeps its failure
    /// counters in the directory table (LOGIN# items only), and an alarm watches its failure rate.
    /// </summary>
    private NativeAotFunction CreateDeveloperLogin(JwtProtectedApiProps props, DeveloperLoginOptions login, DeveloperIdentityTarget target)
    {
        var function = ApiFunction(props, "DeveloperLogin", ApiHandlerNames.DeveloperLogin,
            "HTTP API developer login: legacy directory users get a developer identity",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [ApiEnvironment.IdentityPoolId] = target.IdentityPoolId,
                [ApiEnvironment.DeveloperProviderName] = target.DeveloperProviderName,
                [ApiEnvironment.DeveloperTokenSeconds] = ((long)login.TokenDuration.ToSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture),
                [TriggerEnvironment.LegacyUsersTable] = target.LegacyUsersTable.TableName,
                [TriggerEnvironment.DirectoryTable] = props.DirectoryTable.TableName,
                [TriggerEnvironment.AllowedEmailDomains] = TriggerSettingFormats.EncodeList(target.AllowedEmailDomains ?? []),
            });
        var stack = Stack.Of(this);
        function.Role.AddToPrincipalPolicy(new Amazon.CDK.AWS.IAM.PolicyStatement(new Amazon.CDK.AWS.IAM.PolicyStatementProps
        {
            Actions = ["cognito-identity:GetOpenIdTokenForDeveloperIdentity"],
            Resources = [$"arn:{stack.Partition}:cognito-identity:{stack.Region}:{stack.Account}:identitypool/{target.IdentityPoolId}"],
        }));
        function.Role.AddToPrincipalPolicy(new Amazon.CDK.AWS.IAM.PolicyStatement(new Amazon.CDK.AWS.IAM.PolicyStatementProps
        {
            Actions = ["dynamodb:GetItem"],
            Resources = [target.LegacyUsersTable.TableArn],
        }));
        function.Role.AddToPrincipalPolicy(DirectoryItems(props, ["dynamodb:GetItem"], DirectoryKeys.TenantPrefix + "*", DirectoryKeys.LoginAttemptsPrefix + "*"));
        function.Role.AddToPrincipalPolicy(DirectoryItems(props, ["dynamodb:UpdateItem", "dynamodb:DeleteItem"], DirectoryKeys.LoginAttemptsPrefix + "*"));
        _ = Monitoring.PlatformMetricAlarm.Create(this, "DeveloperLoginFailures", TriggerMetricNames.DeveloperLoginFailure, DeveloperLoginFailureAlarmThreshold,
            $"{DeveloperLoginFailureAlarmThreshold} or more wrong developer logins in 5 minutes: someone may be guessing passwords. Usernames lock after 5 failures each; the DeveloperLogin log has the request ids.");
        return function;
    }

    /// <summary>One of the API's functions: the shared binary, ten seconds, and the API's log settings.</summary>
    private NativeAotFunction ApiFunction(JwtProtectedApiProps props, string id, string handler, string description, IReadOnlyDictionary<string, string> environment) =>
        new(this, id, new NativeAotFunctionProps
        {
            Binary = props.Binary,
            Handler = handler,
            Description = description,
            Timeout = Duration.Seconds(10),
            Environment = environment,
            LogRemovalPolicy = props.LogRemovalPolicy,
            LogRetention = props.LogRetention,
        });

    /// <summary>Wrong developer logins in five minutes above which the alarm fires.</summary>
    public const int DeveloperLoginFailureAlarmThreshold = 50;

    /// <summary>The actions on the directory table's items whose key starts as one of <paramref name="keys"/>.</summary>
    private static Amazon.CDK.AWS.IAM.PolicyStatement DirectoryItems(JwtProtectedApiProps props, string[] actions, params string[] keys) => new(new Amazon.CDK.AWS.IAM.PolicyStatementProps
    {
        Actions = actions,
        Resources = [props.DirectoryTable.TableArn],
        Conditions = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["ForAllValues:StringLike"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["dynamodb:LeadingKeys"] = keys },
        },
    });

    /// <summary>The issuer API Gateway checks: the user pool's, as Cognito writes it into tokens.</summary>
    public static string IssuerOf(Construct scope, Amazon.CDK.AWS.Cognito.IUserPool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return $"https://cognito-idp.{Stack.Of(scope).Region}.amazonaws.com/{pool.UserPoolId}";
    }

    private NativeAotFunction CreateBackend(JwtProtectedApiProps props)
    {
        var backend = ApiFunction(props, "Backend", ApiHandlerNames.Backend,
            "HTTP API backend: answers with the caller's verified claims",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [ApiEnvironment.ResourceServer] = props.ResourceServerIdentifier,
                [ApiEnvironment.AdminGroup] = props.AdminGroup!,
                [TriggerEnvironment.DirectoryTable] = props.DirectoryTable.TableName,
            });
        // The admin listing queries the tenant index, and nothing else of the directory.
        backend.Role.AddToPrincipalPolicy(new Amazon.CDK.AWS.IAM.PolicyStatement(new Amazon.CDK.AWS.IAM.PolicyStatementProps
        {
            Actions = ["dynamodb:Query"],
            Resources = [props.DirectoryTable.TableArn + "/index/" + DirectoryKeys.TenantIndex],
        }));
        return backend;
    }

    private HttpApi CreateApi(JwtProtectedApiProps props)
    {
        var api = new HttpApi(this, "Http", new HttpApiProps
        {
            Description = "IdentityStack API: JWT-protected by the user pool",
            CorsPreflight = props.CorsOrigins.Count == 0 ? null : new CorsPreflightOptions
            {
                AllowOrigins = [.. props.CorsOrigins],
                AllowMethods = [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.OPTIONS],
                AllowHeaders = ["authorization", "content-type"],
                MaxAge = Duration.Hours(1),
            },
        });
        var authorizer = new HttpJwtAuthorizer("UserPoolJwt", IssuerOf(this, props.UserPool), new HttpJwtAuthorizerProps
        {
            JwtAudience = [.. props.Clients.Select(c => c.UserPoolClientId)],
        });
        var integration = new HttpLambdaIntegration("Backend", Backend.Function, new HttpLambdaIntegrationProps { PayloadFormatVersion = PayloadFormatVersion.VERSION_2_0 });
        var login = ApiRouteTable.DeveloperLogin;
        var loginIntegration = DeveloperLogin is null ? null : new HttpLambdaIntegration("DeveloperLogin", DeveloperLogin.Function, new HttpLambdaIntegrationProps { PayloadFormatVersion = PayloadFormatVersion.VERSION_2_0 });
        var routes = loginIntegration is null ? ApiRoutes.All : [.. ApiRoutes.All, (login.Path, login.Method, login.Scope)];
        foreach (var (path, method, routeScope) in routes)
        {
            var isLogin = string.Equals(path, login.Path, StringComparison.Ordinal) && string.Equals(method, login.Method, StringComparison.Ordinal);
            api.AddRoutes(new AddRoutesOptions
            {
                Path = path,
                Methods = [Enum.Parse<ApiMethod>(method)],
                Integration = isLogin ? loginIntegration! : integration,
                Authorizer = routeScope is null ? new HttpNoneAuthorizer() : authorizer,
                AuthorizationScopes = string.IsNullOrEmpty(routeScope) ? null : [$"{props.ResourceServerIdentifier}/{routeScope}"],
            });
        }

        return api;
    }

    /// <summary>One JSON object a request: who, what, how it ended, and why the authorizer said no.</summary>
    private static readonly string AccessLogFormat = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["requestId"] = "$context.requestId",
        ["time"] = "$context.requestTime",
        ["ip"] = "$context.identity.sourceIp",
        ["routeKey"] = "$context.routeKey",
        ["status"] = "$context.status",
        ["latencyMs"] = "$context.responseLatency",
        ["sub"] = "$context.authorizer.claims.sub",
        ["clientId"] = "$context.authorizer.claims.client_id",
        ["authorizerError"] = "$context.authorizer.error",
        ["integrationError"] = "$context.integrationErrorMessage",
    });
}
