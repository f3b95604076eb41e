namespace IdentityStack.Constructs.SignIn;

/// <summary>
/// The hosted pages on your own domain. Cognito serves it through CloudFront, so the certificate must
/// be an ACM certificate in us-east-1. With a hosted zone, A and AAAA alias records are created.
/// </summary>
/// <param name="DomainName">Fully qualified name, e.g. <c>auth.example.com</c>.</param>
/// <param name="CertificateArn">ACM certificate (us-east-1) covering <paramref name="DomainName"/>.</param>
/// <param name="HostedZoneId">Route 53 zone to create the alias in; null leaves DNS to you.</param>
/// <param name="HostedZoneName">That zone's name, e.g. <c>example.com</c>.</param>
public sealed record CustomSignInDomain(string DomainName, string CertificateArn, string? HostedZoneId = null, string? HostedZoneName = null);
