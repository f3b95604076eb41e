using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Constructs;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Constructs.Monitoring;

/// <summary>
/// What an operator of the platform watches: alarms on sign-in and token refresh throttling (users
/// turned away by Cognito's quotas) and on API 5xx, and a dashboard of trigger latency and errors
/// against Cognito's 5 second limit, sign-ins, token refreshes and API 4xx/5xx. Cognito publishes
/// SignInSuccesses, SignInThrottles, TokenRefreshSuccesses and TokenRefreshThrottles in AWS/Cognito
/// with the dimensions UserPool and UserPoolClient ("User pool metrics in CloudWatch",
/// https://docs.aws.amazon.com/cognito/latest/developerguide/metrics-for-cognito-user-pools.html).
/// With threat protection on, sign-ins Cognito rated high risk (AccountTakeoverRisk and
/// CompromisedCredentialRisk, dimensions UserPoolId, Operation SignIn and RiskLevel high; same page,
/// "Viewing threat protection metrics") raise an alarm. Each external identity provider gets an
/// alarm on throttled federation (FederationThrottles, dimensions UserPool, UserPoolClient,
/// IdentityProvider). Failed federations are drawn but not alarmed: the page counts a request that
/// yields an authorization code rather than tokens as 0 in FederationSuccesses, so with the code
/// grant every normal federated sign-in would look failed.
/// Create it before <see cref="AlarmNotifications.NotifyOnEveryAlarm"/> so its alarms get actions.
/// </summary>
public sealed partial class IdentityPlatformMonitoring : Construct
{
    /// <summary>Cognito stops waiting for a trigger after this long.</summary>
    public static readonly Duration CognitoTriggerLimit = Duration.Seconds(5);

    /// <summary>CloudWatch alarms evaluate at most this many metrics in one expression.</summary>
    public const int MaxClients = 10;

    private const string CognitoNamespace = "AWS/Cognito";
    private static readonly Duration Period = Duration.Minutes(5);

    /// <summary>Creates the alarms and the dashboard.</summary>
    public IdentityPlatformMonitoring(Construct scope, string id, IdentityPlatformMonitoringProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Validate(props);
        var signIns = ClientSum(props, "SignInSuccesses", "Sign-ins");
        var refreshes = ClientSum(props, "TokenRefreshSuccesses", "Token refreshes");
        var signInThrottles = ClientSum(props, "SignInThrottles", "Sign-ins throttled");
        var refreshThrottles = ClientSum(props, "TokenRefreshThrottles", "Token refreshes throttled");
        var alarms = new List<IAlarm>();
        if (signInThrottles is not null && refreshThrottles is not null)
        {
            alarms.Add(ThrottleAlarm("SignInThrottled", signInThrottles, "Cognito throttled sign-ins: users were turned away. Check the pool's quota usage (AWS/Usage) and request a quota increase."));
            alarms.Add(ThrottleAlarm("TokenRefreshThrottled", refreshThrottles, "Cognito throttled token refreshes: signed-in users lose their session. Check the pool's quota usage (AWS/Usage)."));
        }

        var highRisk = AddSecurityAlarms(props, alarms);

        Dashboard = new Dashboard(this, "Dashboard", new DashboardProps { DashboardName = props.DashboardName, DefaultInterval = Duration.Hours(3) });
        Dashboard.AddWidgets(TriggerLatency(props), TriggerErrors(props));
        if (signIns is not null && refreshes is not null)
        {
            Dashboard.AddWidgets(Graph("Sign-ins and token refreshes (per 5 minutes)", [signIns, refreshes], null), Graph("Throttled (per 5 minutes)", [signInThrottles!, refreshThrottles!], null));
        }

        AddSecurityWidgets(props, highRisk);
        if (props.Api is { } api)
        {
            var serverErrors = api.MetricServerError(new MetricOptions { Period = Period, Statistic = Stats.SUM, Label = "5xx" });
            alarms.Add(serverErrors.CreateAlarm(this, "ApiServerErrors", new CreateAlarmOptions
            {
                AlarmDescription = "The API answered 5xx at least 5 times in 5 minutes: the backend is failing. Check its log group and the API access logs.",
                Threshold = 5,
                EvaluationPeriods = 1,
                ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                TreatMissingData = TreatMissingData.NOT_BREACHING,
            }));
            Dashboard.AddWidgets(Graph("API responses (per 5 minutes)", [api.MetricClientError(new MetricOptions { Period = Period, Statistic = Stats.SUM, Label = "4xx" }), serverErrors], null));
        }

        Alarms = alarms;
        if (alarms.Count > 0)
        {
            Dashboard.AddWidgets(new AlarmStatusWidget(new AlarmStatusWidgetProps { Title = "Alarms", Alarms = [.. alarms], Width = 24 }));
        }
    }

    /// <summary>The stage's dashboard.</summary>
    public Dashboard Dashboard { get; }

    /// <summary>The alarms this construct created.</summary>
    public IReadOnlyList<IAlarm> Alarms { get; }

    private static void Validate(IdentityPlatformMonitoringProps props)
    {
        if (!Token.IsUnresolved(props.DashboardName) && !DashboardNamePattern().IsMatch(props.DashboardName))
        {
            throw new ArgumentException($"IdentityPlatformMonitoringProps.DashboardName: '{props.DashboardName}' is not a dashboard name; use 1-255 letters, digits, '-' or '_'.", nameof(props));
        }

        if (props.HighRiskSignInThreshold < 1)
        {
            throw new ArgumentException($"IdentityPlatformMonitoringProps.HighRiskSignInThreshold: {props.HighRiskSignInThreshold}; use 1 or more high-risk sign-ins per 5 minutes.", nameof(props));
        }

        foreach (var provider in props.IdentityProviders)
        {
            if (string.IsNullOrWhiteSpace(provider) || provider.Length > 32 || provider.Contains('/', StringComparison.Ordinal))
            {
                throw new ArgumentException($"IdentityPlatformMonitoringProps.IdentityProviders: '{provider}' is not an identity provider name; use the provider's name in the pool (1-32 characters, no '/').", nameof(props));
            }
        }

        if (props.IdentityProviders.Distinct(StringComparer.Ordinal).Count() != props.IdentityProviders.Count)
        {
            throw new ArgumentException("IdentityPlatformMonitoringProps.IdentityProviders: a provider is listed twice; list each once.", nameof(props));
        }

        if (props.Clients.Count > MaxClients)
        {
            throw new ArgumentException($"IdentityPlatformMonitoringProps.Clients: {props.Clients.Count} clients; an alarm sums at most {MaxClients} metrics, so pass the {MaxClients} that matter.", nameof(props));
        }
    }

    /// <summary>The sum of a per-client Cognito metric over the clients; null without clients.</summary>
    private static MathExpression? ClientSum(IdentityPlatformMonitoringProps props, string metricName, string label) =>
        // Ids are unique per graph: the metric's name in camel case and the client's index.
        SumOverClients(props, metricName, char.ToLowerInvariant(metricName[0]) + metricName[1..], extraDimensions: null, label);

    /// <summary>
    /// The sum over the clients of a Cognito metric published per pool and client (plus
    /// <paramref name="extraDimensions"/>), each client's metric filled with 0 where it has no data;
    /// null without clients. Metric ids are <paramref name="idPrefix"/> and the client's index.
    /// </summary>
    private static MathExpression? SumOverClients(IdentityPlatformMonitoringProps props, string metricName, string idPrefix, IReadOnlyDictionary<string, string>? extraDimensions, string label)
    {
        if (props.Clients.Count == 0)
        {
            return null;
        }

        var metrics = new Dictionary<string, IMetric>(StringComparer.Ordinal);
        for (var i = 0; i < props.Clients.Count; i++)
        {
            var dimensions = new Dictionary<string, string>(extraDimensions ?? new Dictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal)
            {
                ["UserPool"] = props.UserPool.UserPoolId,
                ["UserPoolClient"] = props.Clients[i].UserPoolClientId,
            };
            metrics[idPrefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new Metric(new MetricProps
            {
                Namespace = CognitoNamespace,
                MetricName = metricName,
                DimensionsMap = dimensions,
                Statistic = Stats.SUM,
                Period = Period,
            });
        }

        return new MathExpression(new MathExpressionProps
        {
            Expression = string.Join(" + ", metrics.Keys.Select(k => "FILL(" + k + ", 0)")),
            UsingMetrics = metrics,
            Label = label,
            Period = Period,
        });
    }

    /// <summary>The high-risk sign-in alarm (threat protection on) and one throttled-federation alarm per provider; returns the high-risk metric, if any.</summary>
    private MathExpression? AddSecurityAlarms(IdentityPlatformMonitoringProps props, List<IAlarm> alarms)
    {
        var highRisk = props.ThreatProtection ? HighRiskSignIns(props) : null;
        if (highRisk is not null)
        {
            alarms.Add(highRisk.CreateAlarm(this, "HighRiskSignIns", new CreateAlarmOptions
            {
                AlarmDescription = $"At least {props.HighRiskSignInThreshold} sign-ins in 5 minutes were rated high risk (account takeover or compromised credentials): a credential-stuffing or takeover attempt. Check the pool's user authentication events (log group under /aws/vendedlogs/cognito) for source IPs and users.",
                Threshold = props.HighRiskSignInThreshold,
                EvaluationPeriods = 1,
                ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                TreatMissingData = TreatMissingData.NOT_BREACHING,
            }));
        }

        foreach (var provider in props.IdentityProviders)
        {
            if (FederationSum(props, provider, "FederationThrottles", provider + " federations throttled") is { } throttles)
            {
                alarms.Add(ThrottleAlarm(
                    "FederationThrottled" + provider,
                    throttles,
                    $"Cognito throttled federated sign-ins through {provider}: its users were turned away. Check the pool's quota usage (AWS/Usage) and the provider's own limits."));
            }
        }

        return highRisk;
    }

    private void AddSecurityWidgets(IdentityPlatformMonitoringProps props, MathExpression? highRisk)
    {
        if (highRisk is not null)
        {
            Dashboard.AddWidgets(Graph("High-risk sign-ins (per 5 minutes)", [highRisk], new HorizontalAnnotation { Value = props.HighRiskSignInThreshold, Label = "alarm", Color = Color.RED }));
        }

        var federations = props.IdentityProviders.Select(p => FederationSum(props, p, "FederationSuccesses", p)).OfType<IMetric>().ToArray();
        if (federations.Length > 0)
        {
            Dashboard.AddWidgets(Graph("Federated sign-ins that got tokens (per 5 minutes)", federations, null));
        }
    }

    /// <summary>Sign-ins rated high risk: account takeover plus compromised credentials, for the pool.</summary>
    private static MathExpression HighRiskSignIns(IdentityPlatformMonitoringProps props)
    {
        Metric Risk(string metricName) => new(new MetricProps
        {
            Namespace = CognitoNamespace,
            MetricName = metricName,
            DimensionsMap = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["UserPoolId"] = props.UserPool.UserPoolId,
                ["Operation"] = "SignIn",
                ["RiskLevel"] = "high",
            },
            Statistic = Stats.SUM,
            Period = Period,
        });
        return new MathExpression(new MathExpressionProps
        {
            Expression = "FILL(takeover, 0) + FILL(compromised, 0)",
            UsingMetrics = new Dictionary<string, IMetric>(StringComparer.Ordinal)
            {
                ["takeover"] = Risk("AccountTakeoverRisk"),
                ["compromised"] = Risk("CompromisedCredentialRisk"),
            },
            Label = "High-risk sign-ins",
            Period = Period,
        });
    }

    /// <summary>The sum of a per-client federation metric of one provider over the clients; null without clients.</summary>
    private static MathExpression? FederationSum(IdentityPlatformMonitoringProps props, string provider, string metricName, string label) =>
        // Ids are unique per graph: the provider's and the client's index.
        SumOverClients(
            props,
            metricName,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"federation{props.IdentityProviders.ToList().IndexOf(provider)}c"),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["IdentityProvider"] = provider },
            label);

    private Alarm ThrottleAlarm(string id, MathExpression throttles, string description) =>
        throttles.CreateAlarm(this, id, new CreateAlarmOptions
        {
            AlarmDescription = description,
            Threshold = 1,
            EvaluationPeriods = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });

    private static GraphWidget TriggerLatency(IdentityPlatformMonitoringProps props) => Graph(
        "Trigger duration, maximum (Cognito gives up at 5 s)",
        [.. props.Triggers.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Value.MetricDuration(new MetricOptions { Period = Period, Statistic = Stats.MAXIMUM, Label = t.Key }))],
        new HorizontalAnnotation { Value = CognitoTriggerLimit.ToMilliseconds(), Label = "Cognito's limit", Color = Color.RED });

    private static GraphWidget TriggerErrors(IdentityPlatformMonitoringProps props) => Graph(
        "Trigger errors (per 5 minutes)",
        [.. props.Triggers.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Value.MetricErrors(new MetricOptions { Period = Period, Statistic = Stats.SUM, Label = t.Key }))],
        null);

    private static GraphWidget Graph(string title, IMetric[] metrics, HorizontalAnnotation? limit) => new(new GraphWidgetProps
    {
        Title = title,
        Left = metrics,
        LeftAnnotations = limit is null ? null : [limit],
        Width = 12,
        Height = 6,
    });

    [GeneratedRegex("^[A-Za-z0-9_-]{1,255}$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex DashboardNamePattern();
}
