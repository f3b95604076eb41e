using System.Globalization;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using IdentityStack.UserDirectory.Cognito;

namespace IdentityStack.Operations;

/// <summary>
/// What every day-2 tool run needs alike: who runs it (for the audit line), the stage pool's admin
/// calls with the standard credential chain, and the one time format of audit lines and items.
/// </summary>
internal static class OperationsRun
{
    /// <summary>The caller's ARN, or why there are no usable credentials (the SDK's message).</summary>
    public static async Task<(string? Arn, string? Refusal)> CallerArnAsync(RegionEndpoint region)
    {
        try
        {
            using var sts = new AmazonSecurityTokenServiceClient(region);
            return ((await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()).ConfigureAwait(false)).Arn, null);
        }
        catch (Exception error) when (error is AmazonServiceException or AmazonClientException)
        {
            return (null, error.Message);
        }
    }

    /// <summary>The pool's admin calls, signed with the standard credential chain, at the endpoint the environment names if any, default pacing.</summary>
    public static UserPoolAdmin UserPool(HttpClient http, string region, string userPoolId) =>
        new(SignedUserPoolTransport.For(http, region, Environment.GetEnvironmentVariable, () => DefaultAWSCredentialsIdentityResolver.GetCredentials()), userPoolId, new CallPacing(), TimeProvider.System);

    /// <summary>A moment as audit lines and the items a tool writes record it: UTC, to the second.</summary>
    public static string Timestamp(DateTimeOffset when) => when.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
