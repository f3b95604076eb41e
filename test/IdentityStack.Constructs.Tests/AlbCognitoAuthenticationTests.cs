using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using IdentityStack.Constructs.LoadBalancing;

namespace IdentityStack.Constructs.Tests;

/// <summary>The ALB option: Cognito sign-in in front of an existing listener (assertions only).</summary>
public sealed class AlbCognitoAuthenticationTests
{
    private static (Stack Stack, ApplicationListener Listener, UserPool Pool, UserPoolClient Client, UserPoolDomain Domain, ApplicationTargetGroup Targets) Parts(bool https = true)
    {
        var stack = new Stack(new App(), "Consumer", new StackProps { Env = new Amazon.CDK.Environment { Account = "111122223333", Region = "eu-west-1" } });
        var vpc = new Vpc(stack, "Vpc", new VpcProps { MaxAzs = 2, NatGateways = 0 });
        var alb = new ApplicationLoadBalancer(stack, "Alb", new ApplicationLoadBalancerProps { Vpc = vpc, InternetFacing = true });
        var listener = https
            ? alb.AddListener("Https", new BaseApplicationListenerProps { Port = 443, Certificates = [ListenerCertificate.FromArn("arn:aws:acm:eu-west-1:111122223333:certificate/11111111-2222-3333-4444-555555555555")], DefaultAction = ListenerAction.FixedResponse(404) })
            : alb.AddListener("Http", new BaseApplicationListenerProps { Port = 80, DefaultAction = ListenerAction.FixedResponse(404) });
        var pool = new UserPool(stack, "Pool");
        var client = pool.AddClient("Server", new UserPoolClientOptions { GenerateSecret = true, OAuth = new OAuthSettings { CallbackUrls = ["https://app.example.com/oauth2/idpresponse"] } });
        var domain = pool.AddDomain("Domain", new UserPoolDomainOptions { CognitoDomain = new CognitoDomainOptions { DomainPrefix = "acme-app" } });
        var targets = new ApplicationTargetGroup(stack, "Targets", new ApplicationTargetGroupProps { Vpc = vpc, Port = 8080, Protocol = ApplicationProtocol.HTTP, TargetType = TargetType.IP });
        return (stack, listener, pool, client, domain, targets);
    }

    private static Dictionary<string, object> Props(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    [Fact]
    public void Every_request_signs_in_with_the_pool_then_forwards()
    {
        var (stack, listener, pool, client, domain, targets) = Parts();

        _ = new AlbCognitoAuthentication(stack, "SignIn", new AlbCognitoAuthenticationProps { Listener = listener, UserPool = pool, Client = client, Domain = domain, Next = ListenerAction.Forward([targets]) });

        Template.FromStack(stack).HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Props(
            ("Protocol", "HTTPS"),
            ("DefaultActions", new object[]
            {
                Match.ObjectLike(Props(
                    ("Type", "authenticate-cognito"),
                    ("Order", 1),
                    ("AuthenticateCognitoConfig", Match.ObjectLike(Props(
                        ("OnUnauthenticatedRequest", "authenticate"),
                        ("Scope", "openid email profile"),
                        ("SessionTimeout", "28800"),
                        ("UserPoolArn", Match.AnyValue()),
                        ("UserPoolClientId", Match.AnyValue()),
                        ("UserPoolDomain", Match.AnyValue())))))),
                Match.ObjectLike(Props(("Type", "forward"), ("Order", 2))),
            })));
    }

    [Fact]
    public void With_conditions_only_matching_requests_sign_in()
    {
        var (stack, listener, pool, client, domain, targets) = Parts();

        _ = new AlbCognitoAuthentication(stack, "SignIn", new AlbCognitoAuthenticationProps
        {
            Listener = listener, UserPool = pool, Client = client, Domain = domain, Next = ListenerAction.Forward([targets]),
            Conditions = [ListenerCondition.PathPatterns(["/app/*"])], Priority = 10,
        });

        Template.FromStack(stack).HasResourceProperties("AWS::ElasticLoadBalancingV2::ListenerRule", Props(
            ("Priority", 10),
            ("Actions", Match.ArrayWith([Match.ObjectLike(Props(("Type", "authenticate-cognito")))]))));
    }

    [Fact]
    public void An_http_listener_or_half_a_rule_is_refused_with_the_fix()
    {
        var (stack, listener, pool, client, domain, targets) = Parts(https: false);

        var http = Assert.Throws<ArgumentException>(() => new AlbCognitoAuthentication(stack, "A", new AlbCognitoAuthenticationProps { Listener = listener, UserPool = pool, Client = client, Domain = domain, Next = ListenerAction.Forward([targets]) }));
        Assert.Contains("works only on HTTPS listeners, this one is HTTP", http.Message, StringComparison.Ordinal);

        var (stack2, listener2, pool2, client2, domain2, targets2) = Parts();
        var half = Assert.Throws<ArgumentException>(() => new AlbCognitoAuthentication(stack2, "B", new AlbCognitoAuthenticationProps { Listener = listener2, UserPool = pool2, Client = client2, Domain = domain2, Next = ListenerAction.Forward([targets2]), Priority = 5 }));
        Assert.Contains("give both", half.Message, StringComparison.Ordinal);
    }
}
