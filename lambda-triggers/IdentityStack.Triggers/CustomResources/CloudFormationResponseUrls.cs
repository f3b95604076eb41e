using System.Text.RegularExpressions;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Triggers.CustomResources;

/// <summary>
/// Where a custom resource may send its answer: only to a CloudFormation pre-signed S3 response URL
/// (https, <c>cloudformation-custom-resource-response-&lt;region&gt;.s3[...].amazonaws.com</c>). Any
/// other ResponseURL is refused before the resource does anything: an invocation that did not come
/// from CloudFormation must not make the function write to its table or PUT to an address of the
/// caller's choosing (on Lambda, the Runtime API itself listens on 127.0.0.1).
/// </summary>
internal sealed partial class CloudFormationResponseUrls(string? testOrigin = null)
{
    /// <summary>
    /// An extra origin (<c>http://127.0.0.1:PORT</c>) answers may go to, for the local tests' fake
    /// CloudFormation only. The CDK never sets it (a template test checks), and only loopback is taken.
    /// </summary>
    public const string TestOriginVariable = TriggerEnvironment.TestCloudFormationResponseOrigin;

    /// <summary>The policy from the function's environment.</summary>
    public static CloudFormationResponseUrls FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new(environment(TestOriginVariable));
    }

    /// <summary>Whether <paramref name="url"/> is one CloudFormation gives for answers (or the tests' loopback origin).</summary>
    public bool IsAllowed(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.Equals(url.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal) && url.IsDefaultPort && string.IsNullOrEmpty(url.UserInfo) && ResponseHost().IsMatch(url.Host))
        {
            return true;
        }

        return Uri.TryCreate(testOrigin, UriKind.Absolute, out var origin)
            && origin.IsLoopback
            && string.Equals(url.GetLeftPart(UriPartial.Authority), origin.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("^cloudformation-custom-resource-response-[a-z0-9-]{1,40}\\.s3([.-][a-z0-9-]{1,40})?\\.amazonaws\\.com(\\.cn)?$", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex ResponseHost();
}
