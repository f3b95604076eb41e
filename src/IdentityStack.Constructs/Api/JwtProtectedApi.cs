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
        if (props.DeveloperLogin is { } login && props.DeveloperIdentities is { } target)
        {
            AddDeveloperLogin(props, login, target, stage);
        }
    }

    /// <summary>
    /// POST /developer-identity (the route itself is created with the others): public (the backend
    /// checks the legacy password), throttled on its own, and the backend may issue developer identities in this identity pool only and read the
    /// legacy directory's items only.
    /// </summary>
    private void AddDeveloperLogin(JwtProtectedApiProps props, DeveloperLoginOptions login, DeveloperIdentityTarget target, CfnStage stage)
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

        var function = Backend.Function;
        function.AddEnvironment(ApiEnvironment.IdentityPoolId, target.IdentityPoolId);
        function.AddEnvironment(ApiEnvironment.DeveloperProviderName, target.DeveloperProviderName);
        function.AddEnvironment(ApiEnvironment.DeveloperTokenSeconds, ((long)login.TokenDuration.ToSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture));
        function.AddEnvironment(TriggerEnvironment.LegacyUsersTable, target.LegacyUsersTable.TableName);
        var stack = Stack.Of(this);
        Backend.Role.AddToPrincipalPolicy(new Amazon.CDK.AWS.IAM.PolicyStatement(new Amazon.CDK.AWS.IAM.PolicyStatementProps
        {
            Actions = ["cognito-identity:GetOpenIdTokenForDeveloperIdentity"],
            Resources = [$"arn:{stack.Partition}:cognito-identity:{stack.Region}:{stack.Account}:identitypool/{target.IdentityPoolId}"],
        }));
        Backend.Role.AddToPrincipalPolicy(new Amazon.CDK.AWS.IAM.PolicyStatement(new Amazon.CDK.AWS.IAM.PolicyStatementProps
        {
            Actions = ["dynamodb:GetItem"],
            Resources = [target.LegacyUsersTable.TableArn],
        }));
    }

    /// <summary>The issuer API Gateway checks: the user pool's, as Cognito writes it into tokens.</summary>
    public static string IssuerOf(Construct scope, Amazon.CDK.AWS.Cognito.IUserPool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return $"https://cognito-idp.{Stack.Of(scope).Region}.amazonaws.com/{pool.UserPoolId}";
    }

    private NativeAotFunction CreateBackend(JwtProtectedApiProps props)
    {
        var backend = new NativeAotFunction(this, "Backend", new NativeAotFunctionProps
        {
            Binary = props.Binary,
            Handler = ApiHandlerNames.Backend,
            Description = "HTTP API backend: answers with the caller's verified claims",
            Timeout = Duration.Seconds(10),
            Environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [ApiEnvironment.ResourceServer] = props.ResourceServerIdentifier,
                [ApiEnvironment.AdminGroup] = props.AdminGroup!,
                [TriggerEnvironment.DirectoryTable] = props.DirectoryTable.TableName,
            },
            LogRemovalPolicy = props.LogRemovalPolicy,
            LogRetention = props.LogRetention,
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
        var routes = props.DeveloperLogin is null ? ApiRoutes.All : [.. ApiRoutes.All, (login.Path, login.Method, login.Scope)];
        foreach (var (path, method, routeScope) in routes)
        {
            api.AddRoutes(new AddRoutesOptions
            {
                Path = path,
                Methods = [Enum.Parse<ApiMethod>(method)],
                Integration = integration,
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
