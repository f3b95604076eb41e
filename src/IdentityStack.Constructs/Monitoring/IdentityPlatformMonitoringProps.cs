using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.Lambda;

namespace IdentityStack.Constructs.Monitoring;

/// <summary>Options for <see cref="IdentityPlatformMonitoring"/>.</summary>
public sealed record IdentityPlatformMonitoringProps
{
    /// <summary>The user pool whose sign-ins and token refreshes are watched.</summary>
    public required IUserPool UserPool { get; init; }

    /// <summary>The dashboard's name: letters, digits, '-' and '_', at most 255 characters, unique in the account and region.</summary>
    public required string DashboardName { get; init; }

    /// <summary>App clients: Cognito publishes sign-in and refresh metrics per pool and client (at most 10, an alarm's metric limit).</summary>
    public IReadOnlyList<IUserPoolClient> Clients { get; init; } = [];

    /// <summary>Trigger functions by name, drawn against Cognito's 5 second limit.</summary>
    public IReadOnlyDictionary<string, IFunction> Triggers { get; init; } = new Dictionary<string, IFunction>(StringComparer.Ordinal);

    /// <summary>The HTTP API, if any: its 4xx and 5xx are drawn and its 5xx alarmed.</summary>
    public IHttpApi? Api { get; init; }

    /// <summary>
    /// Threat protection is on (AUDIT or ENFORCED), so Cognito publishes risk metrics: high-risk
    /// sign-ins (account takeover or compromised credentials) are alarmed and drawn. Default false.
    /// </summary>
    public bool ThreatProtection { get; init; }

    /// <summary>High-risk sign-ins in 5 minutes that raise the alarm (a credential-stuffing wave, not one user's bad day). Default 10.</summary>
    public int HighRiskSignInThreshold { get; init; } = 10;

    /// <summary>
    /// Names of the pool's external identity providers (as Cognito knows them): each gets an alarm on
    /// throttled federation requests over <see cref="Clients"/>, and its federations are drawn.
    /// </summary>
    public IReadOnlyList<string> IdentityProviders { get; init; } = [];
}
