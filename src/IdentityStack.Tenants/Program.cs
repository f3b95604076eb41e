using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using IdentityStack.Tenants;
using IdentityStack.Triggers.Contract;
using IdentityStack.UserDirectory.Cognito;

// identity-tenant: a stage's tenants by the directory contract. Exit 0 done, 1 refused by the
// directory or AWS (named), 2 bad input or no credentials (one line).
var (request, refusal) = TenantRequest.Parse(args, Directory.GetCurrentDirectory());
if (request is null)
{
    await Console.Error.WriteLineAsync("identity-tenant: " + refusal).ConfigureAwait(false);
    return 2;
}

var region = RegionEndpoint.GetBySystemName(request.Region);
string who;
try
{
    using var sts = new AmazonSecurityTokenServiceClient(region);
    who = (await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()).ConfigureAwait(false)).Arn;
}
catch (Exception error) when (error is AmazonServiceException or AmazonClientException)
{
    await Console.Error.WriteLineAsync($"identity-tenant: no AWS credentials for {request.Region} ({error.Message}); sign in (aws sso login, AWS_PROFILE, or CI's OIDC role) and run this again.").ConfigureAwait(false);
    return 2;
}

using var dynamoDb = new AmazonDynamoDBClient(region);
var directory = new TenantDirectory(dynamoDb, request.Table);
var now = DateTimeOffset.UtcNow;
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
try
{
    var outcome = request.Action == TenantAction.Offboard
        ? await new TenantOffboarding(
            directory,
            new UserPoolAdmin(SignedUserPoolTransport.For(http, request.Region, Environment.GetEnvironmentVariable, () => DefaultAWSCredentialsIdentityResolver.GetCredentials()), request.UserPoolId!, new CallPacing(), TimeProvider.System),
            Console.In,
            Console.Out).RunAsync(request, who, now, CancellationToken.None).ConfigureAwait(false)
        : await TenantCommands.RunAsync(request, directory, who, now, Console.Out, CancellationToken.None).ConfigureAwait(false);
    await Console.Out.WriteLineAsync(TenantAudit.Line(request, who, now, outcome.Outcome)).ConfigureAwait(false);
    return outcome.ExitCode;
}
catch (Exception error) when (error is AmazonServiceException or UserPoolCallException)
{
    var code = error is AmazonServiceException service ? service.ErrorCode : ((UserPoolCallException)error).ErrorType;
    await Console.Out.WriteLineAsync(TenantAudit.Line(request, who, now, "failed: " + code)).ConfigureAwait(false);
    await Console.Error.WriteLineAsync($"identity-tenant: {TenantAudit.ActionName(request.Action)} {request.Tenant} failed: {code}: {error.Message} (table {request.Table}, {DirectoryKeys.TenantPrefix}{request.Tenant})").ConfigureAwait(false);
    return 1;
}
