using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;

namespace IdentityStack.Constructs.LoadBalancing;

/// <summary>Options for <see cref="AlbCognitoAuthentication"/>.</summary>
public sealed record AlbCognitoAuthenticationProps
{
    /// <summary>The existing HTTPS listener to put sign-in in front of.</summary>
    public required ApplicationListener Listener { get; init; }

    /// <summary>The user pool users sign in to.</summary>
    public required IUserPool UserPool { get; init; }

    /// <summary>A confidential client (with a secret), e.g. HostedSignIn.ServerClient. Its callback URLs must include https://{your ALB domain}/oauth2/idpresponse.</summary>
    public required IUserPoolClient Client { get; init; }

    /// <summary>The pool's hosted sign-in domain.</summary>
    public required IUserPoolDomain Domain { get; init; }

    /// <summary>Where signed-in requests go (usually a forward to the app's target group).</summary>
    public required ListenerAction Next { get; init; }

    /// <summary>Scopes requested at sign-in. Default "openid email profile".</summary>
    public string Scope { get; init; } = "openid email profile";

    /// <summary>How long the ALB session cookie lasts. Default 8 hours.</summary>
    public Duration SessionTimeout { get; init; } = Duration.Hours(8);

    /// <summary>With conditions and a priority, sign-in guards only matching requests (a listener rule); without, every request (the default action).</summary>
    public IReadOnlyList<ListenerCondition> Conditions { get; init; } = [];

    /// <summary>The rule's priority, required with <see cref="Conditions"/>.</summary>
    public int? Priority { get; init; }
}
