using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using IdentityStack.EndToEnd.Tests.Cognito;
using IdentityStack.Testing;
using static IdentityStack.EndToEnd.Tests.LocalIdentityPlatform;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.EndToEnd.Tests;

/// <summary>
/// The backup drill on the local stack: the dev template's export function (the real Native AOT
/// binary) exports cognito-local's pool and the directory table to a loopback S3, one page per
/// invocation as the state machine loops it; the users are deleted; identity-restore (the real
/// program) brings them back; they sign in after "Forgot password" with the same groups and tenant,
/// and a suspended tenant stays suspended.
/// </summary>
public sealed class UserDirectoryDrillTests(LocalIdentityPlatform platform) : IClassFixture<LocalIdentityPlatform>
{
    private const string Bucket = "identity-backups";
    private const string Table = "identity-directory";

    [Fact]
    public async Task Export_delete_restore_brings_the_same_people_back_with_their_groups_and_tenants()
    {
        var answer = platform.DynamoDb.Answer;
        var table = new InMemoryDynamoDbTable(answer);
        platform.DynamoDb.Answer = table.Answer;
        await using var s3 = new LoopbackS3();
        await using var sts = new FakeSts();
        try
        {
            var alice = NewUsername("alice");
            var bob = NewUsername("bob");
            await platform.InvitedUserAsync(alice, tenant: "acme", group: "admins");
            await platform.InvitedUserAsync(bob, tenant: "initech", group: "members");
            var aliceOldSub = (string)Claims((string)(await platform.SignInAsync(alice))["AuthenticationResult"]!["IdToken"]!)["sub"]!;
            Assert.Equal(0, (await TenantToolProcess.RunAsync(platform.DynamoDb.Url, sts.Url, "suspend", "initech", "--stage", "dev", "--table", Table, "--region", "eu-west-1")).ExitCode);

            var (snapshot, invocations) = await ExportAsync(s3);
            Assert.True(invocations > 3, $"{invocations} invocations: the loop continues from a cursor");
            Assert.Contains($"{Bucket}/snapshots/{snapshot}/manifest.json", s3.Objects.Keys);

            // The mistake: both users deleted from the pool, alice's profile item too.
            foreach (var username in new[] { alice, bob })
            {
                await platform.Cognito.CallAsync("AdminDeleteUser", new JsonObject { ["UserPoolId"] = platform.Pool.PoolId, ["Username"] = username });
            }

            Assert.True(table.Items.TryRemove("USER#" + aliceOldSub, out _));
            var mapping = Path.Combine(Path.GetTempPath(), $"drill-{Guid.NewGuid():N}.json");
            var (exit, output, error) = await RestoreAsync(s3, sts, snapshot, mapping);
            Assert.True(exit == 0, output + error);

            // The same person: same tenant attribute and group, a new sub, the profile under it.
            var aliceNewSub = (string)JsonNode.Parse(File.ReadAllText(mapping))!["subs"]![aliceOldSub]!;
            Assert.NotEqual(aliceOldSub, aliceNewSub);
            var groups = await platform.Cognito.CallAsync("AdminListGroupsForUser", new JsonObject { ["UserPoolId"] = platform.Pool.PoolId, ["Username"] = alice });
            Assert.Equal(["admins"], groups["Groups"]!.AsArray().Select(g => (string)g!["GroupName"]!));
            Assert.Equal("acme", table.Items["USER#" + aliceNewSub]["tenantId"]!["S"]!.GetValue<string>());

            // No password came back: "Forgot password", then sign-in with the same tenant and group in the token.
            await ResetPasswordAsync(alice);
            var tokens = await platform.SignInAsync(alice);
            var claims = Claims((string)tokens["AuthenticationResult"]!["IdToken"]!);
            Assert.Equal(aliceNewSub, (string?)claims["sub"]);
            Assert.Equal("acme", (string?)claims["tenant_id"]);
            Assert.Contains("admins", claims["cognito:groups"]!.AsArray().Select(g => (string?)g));

            // The tenant suspended before the backup is suspended after the restore.
            Assert.Equal("SUSPENDED", table.Items["TENANT#initech"]["status"]!["S"]!.GetValue<string>());
            await ResetPasswordAsync(bob);
            await Assert.ThrowsAsync<CognitoErrorException>(() => platform.SignInAsync(bob));

            // A second run finds everything in place.
            var again = await RestoreAsync(s3, sts, snapshot, mapping);
            Assert.Equal(0, again.ExitCode);
            Assert.Contains("nothing to change", again.Output, StringComparison.Ordinal);
        }
        finally
        {
            platform.DynamoDb.Answer = answer;
        }
    }

    /// <summary>The state machine's loop on the local host: invoke the export with the state until it says done; the snapshot folder and the invocations it took.</summary>
    private async Task<(string Snapshot, int Invocations)> ExportAsync(LoopbackS3 s3)
    {
        var definition = platform.Functions.Definitions.Single(d => string.Equals(d.Handler, OperationsHandlerNames.UserDirectoryExport, StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromMinutes(15), definition.Timeout);
        var environment = new Dictionary<string, string>(definition.Environment, StringComparer.Ordinal)
        {
            // The template's references, resolved as CloudFormation would, to the local stand-ins.
            [BackupEnvironment.UserPoolId] = platform.Pool.PoolId,
            [BackupEnvironment.Bucket] = Bucket,
            // One page per invocation, so that a small pool still takes the loop several times.
            [BackupEnvironment.PagesPerInvocation] = "1",
            ["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] = platform.Server.Url,
            ["AWS_ENDPOINT_URL_S3"] = s3.Url,
        };
        await using var host = new LambdaHost(LocalIdentityPlatform.Bootstrap, [definition with { Environment = environment }]);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        JsonNode state = new JsonObject();
        for (var invocations = 1; invocations <= 50; invocations++)
        {
            using var response = await http.PostAsync(new Uri($"{host.Url}/2015-03-31/functions/{definition.Name}/invocations"), new StringContent(state.ToJsonString(), Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.False(response.Headers.Contains("X-Amz-Function-Error"), body);
            state = JsonNode.Parse(body)!;
            if ((bool?)state["done"] == true)
            {
                return ((string)state["snapshot"]!, invocations);
            }
        }

        throw new InvalidOperationException("the export did not finish in 50 invocations: " + state.ToJsonString());
    }

    private Task<(int ExitCode, string Output, string Error)> RestoreAsync(LoopbackS3 s3, FakeSts sts, string snapshot, string mapping) =>
        OperationsToolProcess.RunAsync(
            "identity-restore",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["AWS_ENDPOINT_URL_DYNAMODB"] = platform.DynamoDb.Url,
                ["AWS_ENDPOINT_URL_STS"] = sts.Url,
                ["AWS_ENDPOINT_URL_S3"] = s3.Url,
                ["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] = platform.Server.Url,
            },
            ["--stage", "dev", "--snapshot", $"s3://{Bucket}/snapshots/{snapshot}/", "--user-pool-id", platform.Pool.PoolId, "--table", Table, "--region", "eu-west-1", "--mapping", mapping]);

    /// <summary>"Forgot password" as the sign-in page does it: the code the user is sent, then the new password.</summary>
    private async Task ResetPasswordAsync(string username)
    {
        await platform.Cognito.CallAsync("ForgotPassword", new JsonObject { ["ClientId"] = platform.Spa.ClientId, ["Username"] = username });
        var delivery = await platform.Server.NextDeliveryAsync(username);
        await platform.Cognito.CallAsync("ConfirmForgotPassword", new JsonObject
        {
            ["ClientId"] = platform.Spa.ClientId,
            ["Username"] = username,
            ["ConfirmationCode"] = delivery.Code,
            ["Password"] = LocalIdentityPlatform.Password,
        });
    }
}
