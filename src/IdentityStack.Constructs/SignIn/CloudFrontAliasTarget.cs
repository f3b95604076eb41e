using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.Route53;
using Amazon.JSII.Runtime.Deputy;

namespace IdentityStack.Constructs.SignIn;

/// <summary>
/// Alias target for a Cognito custom domain: its CloudFront distribution, read with
/// <c>Fn::GetAtt CloudFrontDistribution</c>. (CDK's UserPoolDomainTarget in 2.160 looks the name up with a
/// custom-resource Lambda on a deprecated Node runtime and a wildcard IAM policy; this needs neither.)
/// </summary>
internal sealed class CloudFrontAliasTarget(CfnUserPoolDomain domain) : DeputyBase, IAliasRecordTarget
{
    /// <summary>The hosted zone id every CloudFront distribution answers in.</summary>
    private const string CloudFrontHostedZoneId = "Z2FDTNDATAQYW2";

    public IAliasRecordTargetConfig Bind(IRecordSet record, IHostedZone? zone = null) =>
        new AliasRecordTargetConfig { DnsName = domain.AttrCloudFrontDistribution, HostedZoneId = CloudFrontHostedZoneId };
}
