using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2.Actions;
using Constructs;

namespace IdentityStack.Constructs.LoadBalancing;

/// <summary>
/// Puts Cognito sign-in (<c>authenticate-cognito</c>) in front of an existing Application Load
/// Balancer HTTPS listener: unauthenticated browsers go to the hosted sign-in page, and the ALB
/// passes the signed-in user's claims to the app in <c>x-amzn-oidc-*</c> headers.
/// </summary>
public sealed class AlbCognitoAuthentication : Construct
{
    /// <summary>Adds the action to the listener (default action, or a rule with conditions).</summary>
    public AlbCognitoAuthentication(Construct scope, string id, AlbCognitoAuthenticationProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (props.Listener.Node.DefaultChild is CfnListener { Protocol: { } protocol } && !string.Equals(protocol, "HTTPS", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Listener: authenticate-cognito works only on HTTPS listeners, this one is {protocol}; add a certificate and use port 443.", nameof(props));
        }

        if ((props.Conditions.Count > 0) != props.Priority.HasValue)
        {
            throw new ArgumentException("Conditions and Priority: give both (a listener rule) or neither (the default action).", nameof(props));
        }

        var action = new AuthenticateCognitoAction(new AuthenticateCognitoActionProps
        {
            UserPool = props.UserPool,
            UserPoolClient = props.Client,
            UserPoolDomain = props.Domain,
            Next = props.Next,
            Scope = props.Scope,
            SessionTimeout = props.SessionTimeout,
            OnUnauthenticatedRequest = UnauthenticatedAction.AUTHENTICATE,
        });
        props.Listener.AddAction(id, new AddApplicationActionProps
        {
            Action = action,
            Conditions = props.Conditions.Count == 0 ? null : [.. props.Conditions],
            Priority = props.Priority,
        });
    }
}
