using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using IdentityStack.Operations;
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
var (who, noCredentials) = await OperationsRun.CallerArnAsync(region).ConfigureAwait(false);
if (who is null)
{
    await Console.Error.WriteLineAsync($"identity-tenant: no AWS credentials for {request.Region} ({noCredentials}); sign in (aws sso login, AWS_PROFILE, or CI's OIDC role) and run this again.").ConfigureAwait(false);
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
            OperationsRun.UserPool(http, request.Region, request.UserPoolId!),
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
