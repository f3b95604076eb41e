using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using IdentityStack.Tenants;
using IdentityStack.Triggers.Contract;

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
try
{
    var outcome = await TenantCommands.RunAsync(request, directory, who, now, Console.Out, CancellationToken.None).ConfigureAwait(false);
    await Console.Out.WriteLineAsync(TenantAudit.Line(request, who, now, outcome.Outcome)).ConfigureAwait(false);
    return outcome.ExitCode;
}
catch (AmazonServiceException error)
{
    await Console.Out.WriteLineAsync(TenantAudit.Line(request, who, now, "failed: " + error.ErrorCode)).ConfigureAwait(false);
    await Console.Error.WriteLineAsync($"identity-tenant: {TenantAudit.ActionName(request.Action)} {request.Tenant} failed: {error.ErrorCode}: {error.Message} (table {request.Table}, {DirectoryKeys.TenantPrefix}{request.Tenant})").ConfigureAwait(false);
    return 1;
}
