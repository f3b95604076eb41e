using System.Text.Json;
using Amazon.CDK.AWS.DynamoDB;
using IdentityStack.Constructs.Api;
using IdentityStack.Constructs.SignIn;
using IdentityStack.Constructs.Triggers;

namespace IdentityStack.Constructs.Tests;

/// <summary>
/// A consuming team that takes every default gets a stack its account's controls accept: every log
/// group the library creates keeps a year, as the template gate's production rules and AWS Control
/// Tower's CT.CLOUDWATCH.PR.2 require (a shorter retention is a stage's own choice).
/// </summary>
public sealed class LibraryDefaultsTests
{
    [Fact]
    public void Every_log_group_of_the_constructs_keeps_a_year_unless_told_otherwise()
    {
        var stack = new Stack(new App(), "Consumer", new StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "eu-west-1" } });
        var pool = new SecureUserPool(stack, "Users", new SecureUserPoolProps { UserPoolName = "users" });
        var binary = new NativeAotBinary(Code.FromBucket(Amazon.CDK.AWS.S3.Bucket.FromBucketName(stack, "Artifacts", "artifacts"), "bootstrap.zip"), Architecture.ARM_64);
        var triggers = new CognitoTriggers(stack, "Triggers", new CognitoTriggersProps { UserPool = pool, Binary = binary });
        var signIn = new HostedSignIn(stack, "SignIn", new HostedSignInProps
        {
            UserPool = pool.UserPool,
            DomainPrefix = "consumer-identity",
            CallbackUrls = ["https://app.example.com/callback"],
            LogoutUrls = ["https://app.example.com/"],
            MachineClients = [new MachineClientDefinition("reports") { TenantId = "acme-01" }],
            CustomizationBinary = binary,
        });
        _ = new MachineClientRegistry(stack, "MachineClients", new MachineClientRegistryProps
        {
            Clients = signIn.MachineClientRegistrations,
            Binary = binary,
            DirectoryTable = triggers.DirectoryTable,
        });
        _ = new JwtProtectedApi(stack, "Api", new JwtProtectedApiProps
        {
            UserPool = pool.UserPool,
            Clients = [signIn.SpaClient],
            ResourceServerIdentifier = signIn.ResourceServerIdentifier,
            Binary = binary,
            DirectoryTable = Table.FromTableName(stack, "Directory", "directory"),
            AdminGroup = "admins",
        });
        _ = new IdentityStack.Constructs.Backup.UserDirectoryBackup(stack, "Backup", new IdentityStack.Constructs.Backup.UserDirectoryBackupProps
        {
            UserPool = pool.UserPool,
            DirectoryTable = triggers.DirectoryTable,
            Binary = binary,
        });

        var retention = JsonSerializer.SerializeToElement(Template.FromStack(stack).FindResources("AWS::Logs::LogGroup")).EnumerateObject()
            .ToDictionary(g => g.Name, g => g.Value.GetProperty("Properties").TryGetProperty("RetentionInDays", out var days) ? days.GetInt32() : 0, StringComparer.Ordinal);

        Assert.Contains(retention.Keys, k => k.StartsWith("BackupStateMachineLogs", StringComparison.Ordinal));
        Assert.True(retention.Count >= 11, $"the triggers, the registry, the API and the backup each log: {string.Join(", ", retention.Keys)}");
        Assert.All(retention, group => Assert.True(group.Value >= LogRetention.ProductionDays, $"{group.Key} keeps {group.Value} days"));
    }
}
