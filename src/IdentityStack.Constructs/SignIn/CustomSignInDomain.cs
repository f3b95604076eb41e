using System.Text.RegularExpressions;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Constructs.SignIn;

/// <summary>
/// The hosted pages on your own domain. Cognito serves it through CloudFront, so the certificate must
/// be an ACM certificate in us-east-1. With a hosted zone, A and AAAA alias records are created.
/// </summary>
/// <param name="DomainName">Fully qualified name, e.g. <c>auth.example.com</c>.</param>
/// <param name="CertificateArn">ACM certificate (us-east-1) covering <paramref name="DomainName"/>.</param>
/// <param name="HostedZoneId">Route 53 zone to create the alias in; null leaves DNS to you.</param>
/// <param name="HostedZoneName">That zone's name, e.g. <c>example.com</c>.</param>
public sealed partial record CustomSignInDomain(string DomainName, string CertificateArn, string? HostedZoneId = null, string? HostedZoneName = null)
{
    /// <summary>Every problem of this domain (property paths relative to it).</summary>
    public IReadOnlyList<PropsProblem> Problems()
    {
        var problems = new List<PropsProblem>();
        if (string.IsNullOrEmpty(DomainName) || !TriggerSettingFormats.Domain().IsMatch(DomainName))
        {
            problems.Add(new(nameof(DomainName), PropsProblem.Quoted(DomainName), "use a lower-case fully qualified name such as \"auth.example.com\"."));
        }

        if (string.IsNullOrEmpty(CertificateArn) || !CertificateArnPattern().IsMatch(CertificateArn))
        {
            problems.Add(new(nameof(CertificateArn), PropsProblem.Quoted(CertificateArn), "use the ARN of an ACM certificate in us-east-1 (Cognito serves custom domains through CloudFront), e.g. \"arn:aws:acm:us-east-1:123456789012:certificate/...\"."));
        }

        if ((HostedZoneId is null) != (HostedZoneName is null))
        {
            problems.Add(new(nameof(HostedZoneId), PropsProblem.Quoted(HostedZoneId), "give both HostedZoneId and HostedZoneName for the alias records, or neither."));
        }
        else if (HostedZoneId is not null && !HostedZoneIdPattern().IsMatch(HostedZoneId))
        {
            problems.Add(new(nameof(HostedZoneId), PropsProblem.Quoted(HostedZoneId), "use the Route 53 hosted zone id, e.g. \"Z0123456789ABCDEFGHIJ\"."));
        }

        if (HostedZoneName is not null && !TriggerSettingFormats.Domain().IsMatch(HostedZoneName))
        {
            problems.Add(new(nameof(HostedZoneName), PropsProblem.Quoted(HostedZoneName), "use the hosted zone's domain, e.g. \"example.com\"."));
        }
        else if (HostedZoneName is not null && DomainName is not null && !DomainName.EndsWith("." + HostedZoneName, StringComparison.Ordinal))
        {
            problems.Add(new(nameof(DomainName), PropsProblem.Quoted(DomainName), $"it is not inside the hosted zone '{HostedZoneName}'; use a name under it, e.g. \"auth.{HostedZoneName}\"."));
        }

        return problems;
    }

    [GeneratedRegex("^arn:aws[a-z-]*:acm:us-east-1:[0-9]{12}:certificate/[0-9a-f-]{36}$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex CertificateArnPattern();

    [GeneratedRegex("^Z[A-Z0-9]{1,32}$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex HostedZoneIdPattern();
}
