using Amazon.CDK;
using IdentityStack.App.Configuration;
using Amazon.CDK.AWS.SSM;
using IdentityStack.Constructs;
using IdentityStack.Constructs.Api;
using IdentityStack.Constructs.Backup;
using IdentityStack.Constructs.Data;
using IdentityStack.Constructs.Encryption;
using IdentityStack.Constructs.Federation;
using IdentityStack.Constructs.IdentityPools;
using IdentityStack.Constructs.Monitoring;
using IdentityStack.Constructs.Functions;
using IdentityStack.Constructs.SignIn;
using IdentityStack.Constructs.Triggers;
using IdentityStack.Constructs.UserPools;
using Constructs;

namespace IdentityStack.App.Stacks;

/// <summary>One stage of the identity platform: the user pool and everything wired to it.</summary>
internal sealed class IdentityPlatformStack : Stack
{
    /// <summary>
    /// The template metadata key that names the stage a template was synthesized for; the template
    /// gate applies acknowledgments by stage and by stage class (production or not) through it.
    /// </summary>
    public const string StageMetadataKey = "IdentityStack:Stage";

    /// <summary>The platform's Native AOT binary (triggers and custom resources) and the CPU it is built for.</summary>
    private readonly NativeAotBinary _platformBinary;

    public IdentityPlatformStack(Construct scope, StageConfig stage)
        : base(scope, stage.StackName, new StackProps
        {
            StackName = stage.StackName,
            Description = $"IdentityStack {stage.Name}: Cognito identity platform",
            Env = new Amazon.CDK.Environment { Account = stage.Account, Region = stage.Region },
            TerminationProtection = stage.UserPool.DeletionProtection,
        })
    {
        Stage = stage;
        AddMetadata(StageMetadataKey, stage.Name);
        Amazon.CDK.Tags.Of(this).Add("identitystack:stage", stage.Name);
        Amazon.CDK.Tags.Of(this).Add("identitystack:component", "identity");

        var removalPolicy = stage.UserPool.RemovalPolicy;
        UserPool = new SecureUserPool(this, "Identity", new SecureUserPoolProps(stage.UserPool) { UserPoolName = "identity-" + stage.Name });

        _platformBinary = TriggerSources.Binary(stage.TriggerArchitecture);
        Triggers = new CognitoTriggers(this, "Triggers", new CognitoTriggersProps(stage.Triggers)
        {
            UserPool = UserPool,
            Binary = _platformBinary,
            FederatedProviders = stage.Federation,
            RemovalPolicy = removalPolicy,
            LogRetention = LogRetention.FromDays(stage.LogRetentionDays),
        });

        _ = new UserPoolLogDelivery(this, "UserPoolLogs", UserPool, LogRetention.FromDays(stage.LogRetentionDays), removalPolicy);
        if (stage.Backup is { } backup)
        {
            AddBackup(backup, removalPolicy);
        }

        Publish("UserPoolId", "user-pool-id", UserPool.UserPool.UserPoolId, "Cognito user pool id");
        Publish("UserPoolArn", "user-pool-arn", UserPool.UserPool.UserPoolArn, "Cognito user pool ARN");
        Publish("UserPoolProviderUrl", "provider-url", UserPool.ProviderUrl, "Token issuer (OIDC provider URL) of the user pool");
        Publish("DirectoryTableName", "directory-table-name", Triggers.DirectoryTable.TableName, "Directory table: user profiles, tenants, machine clients (./build.sh tenant reads and writes it)");

        Federation = new FederatedProviders(this, "Federation", UserPool.UserPool, stage.Federation);
        if (stage.SignIn is { } signIn)
        {
            AddSignIn(stage, signIn, removalPolicy);
        }

        // Last, so that every alarm of the stack gets its actions and every log group the key.
        AddMonitoring(stage, removalPolicy);
        new LogEncryption(this, "LogEncryption", removalPolicy).EncryptEveryLogGroup(this);
    }

    /// <summary>The stage this stack was built from.</summary>
    public StageConfig Stage { get; }

    /// <summary>The stage's user pool.</summary>
    public SecureUserPool UserPool { get; }

    /// <summary>External identity providers of the stage.</summary>
    public FederatedProviders Federation { get; }

    /// <summary>Hosted sign-in: domain, resource server, clients; null when the stage configures none.</summary>
    public HostedSignIn? SignIn { get; private set; }

    /// <summary>The user directory's scheduled export; null when the stage has none.</summary>
    public UserDirectoryBackup? Backup { get; private set; }

    /// <summary>The pool's Lambda triggers.</summary>
    public CognitoTriggers Triggers { get; }

    /// <summary>The identity pool and the data its roles reach; null when the stage configures none.</summary>
    public SecureIdentityPool? IdentityPool { get; private set; }

    /// <summary>The bucket and tables of user data; null without an identity pool.</summary>
    public UserDataStore? UserData { get; private set; }

    /// <summary>The JWT-protected HTTP API; null when the stage configures none.</summary>
    public JwtProtectedApi? Api { get; private set; }

    /// <summary>Domain, resource server, app clients, and (when configured) the identity pool that takes their tokens.</summary>
    private void AddSignIn(StageConfig stage, SignInConfig signIn, RemovalPolicy removalPolicy)
    {
        var hosted = new HostedSignIn(this, "SignIn", new HostedSignInProps(signIn.Options)
        {
            UserPool = UserPool.UserPool,
            IdentityProviders = [.. signIn.IdentityProviders.Select(name => Federation.Providers[name])],
            CustomizationBinary = _platformBinary,
            LogRetention = LogRetention.FromDays(Stage.LogRetentionDays),
        });
        Publish("SpaClientId", "clients/spa-id", hosted.SpaClient.UserPoolClientId, "Public SPA app client id (code + PKCE)");
        Publish("ServerClientId", "clients/server-id", hosted.ServerClient.UserPoolClientId, "Confidential server app client id (its secret is never output)");
        Publish("MachineClientId", "clients/machine-id", hosted.MachineClient.UserPoolClientId, "Machine-to-machine app client id (client_credentials)");
        foreach (var (name, client) in hosted.MachineClients)
        {
            Publish("MachineClientId" + PascalCase(name), "clients/machine/" + name + "-id", client.UserPoolClientId, $"Machine client '{name}' id (client_credentials)");
        }

        _ = new MachineClientRegistry(this, "MachineClients", new MachineClientRegistryProps
        {
            DirectoryTable = Triggers.DirectoryTable,
            Binary = _platformBinary,
            Clients = hosted.MachineClientRegistrations,
            LogRetention = LogRetention.FromDays(Stage.LogRetentionDays),
            LogRemovalPolicy = removalPolicy,
        });
        Publish("DomainUrl", "domain-url", hosted.Domain.BaseUrl(), "Hosted sign-in domain");
        Publish("HostedSignInUrl", "hosted-sign-in-url", hosted.SpaSignInUrl(signIn.Options.CallbackUrls[0]), "Hosted sign-in page of the SPA client (add PKCE parameters)");
        SignIn = hosted;
        var appOrigins = signIn.Options.CallbackUrls.Select(u => new Uri(u).GetLeftPart(UriPartial.Authority)).Distinct(StringComparer.Ordinal).ToList();
        if (stage.IdentityPool is { } identityPool)
        {
            AddIdentityPool(identityPool, hosted, appOrigins, removalPolicy);
        }

        if (stage.Api is { } api)
        {
            AddApi(api, hosted, appOrigins, removalPolicy);
        }
    }

    /// <summary>The operator's alarms and dashboard, then the topic every alarm of the stack notifies.</summary>
    private void AddMonitoring(StageConfig stage, RemovalPolicy removalPolicy)
    {
        _ = new IdentityPlatformMonitoring(this, "Monitoring", new IdentityPlatformMonitoringProps
        {
            UserPool = UserPool.UserPool,
            DashboardName = stage.StackName,
            Clients = SignIn?.Clients ?? [],
            Triggers = Triggers.Functions.ToDictionary(f => f.Key.Handler, f => (Amazon.CDK.AWS.Lambda.IFunction)f.Value.Function, StringComparer.Ordinal),
            Api = Api?.Api,
            ThreatProtection = stage.UserPool.ThreatProtection != ThreatProtectionMode.Off,
            IdentityProviders = [.. stage.Federation.Select(f => f.Name)],
        });

        var alarms = new AlarmNotifications(this, "Alarms", new AlarmNotificationsProps(stage.Alarms)
        {
            DisplayName = $"IdentityStack {stage.Name} alarms",
            RemovalPolicy = removalPolicy,
        });
        alarms.NotifyOnEveryAlarm(this);
        Publish("AlarmTopicArn", "alarm-topic-arn", alarms.Topic.TopicArn, "SNS topic every alarm of the stage publishes to (subscribe on-call here)");
    }

    /// <summary>The user directory's scheduled export and where it keeps snapshots.</summary>
    private void AddBackup(UserDirectoryBackupOptions options, RemovalPolicy removalPolicy)
    {
        Backup = new UserDirectoryBackup(this, "Backup", new UserDirectoryBackupProps(options)
        {
            UserPool = UserPool.UserPool,
            DirectoryTable = Triggers.DirectoryTable,
            Binary = _platformBinary,
            StageName = Stage.Name,
            LogRetention = LogRetention.FromDays(Stage.LogRetentionDays),
            LogRemovalPolicy = removalPolicy,
        });
        Publish("BackupBucketName", "backup/bucket-name", Backup.Bucket.BucketName, "User directory snapshots: snapshots/<time>/ (./build.sh restore-users --snapshot s3://<bucket>/snapshots/<time>/)");
        Publish("BackupStateMachineArn", "backup/state-machine-arn", Backup.StateMachine.StateMachineArn, "Runs the user directory export (start it by hand for a snapshot now)");
    }

    /// <summary>The JWT-protected HTTP API, taking tokens of all three clients, CORS for the app origins.</summary>
    private void AddApi(JwtProtectedApiOptions config, HostedSignIn signIn, IReadOnlyList<string> appOrigins, RemovalPolicy removalPolicy)
    {
        Api = new JwtProtectedApi(this, "Api", new JwtProtectedApiProps(config)
        {
            UserPool = UserPool.UserPool,
            Clients = signIn.Clients,
            ResourceServerIdentifier = signIn.ResourceServerIdentifier,
            Binary = _platformBinary,
            DirectoryTable = Triggers.DirectoryTable,
            CorsOrigins = appOrigins,
            DeveloperIdentities = config.DeveloperLogin is null || IdentityPool is null || Stage.IdentityPool?.DeveloperProviderName is not { } developerProvider
                ? null
                : new DeveloperIdentityTarget(IdentityPool.IdentityPool.Ref, developerProvider, Triggers.LegacyUsersTable) { AllowedEmailDomains = Stage.Triggers.AllowedEmailDomains },
            LogRemovalPolicy = removalPolicy,
            LogRetention = LogRetention.FromDays(Stage.LogRetentionDays),
        });
        Publish("ApiUrl", "api/url", Api.Url, "HTTP API base URL (JWT-protected; GET /health is public)");
    }

    /// <summary>
    /// Users' own data and the identity pool that hands out credentials for it. The bucket's CORS
    /// origins are the origins of the sign-in callback URLs: the apps that sign users in.
    /// </summary>
    private void AddIdentityPool(SecureIdentityPoolOptions config, HostedSignIn signIn, IReadOnlyList<string> appOrigins, RemovalPolicy removalPolicy)
    {
        UserData = new UserDataStore(this, "UserData", new UserDataStoreProps
        {
            CorsOrigins = appOrigins,
            RemovalPolicy = removalPolicy,
            NoncurrentVersionExpiration = Duration.Days(Stage.NoncurrentVersionDays),
            AccessLogExpiration = Duration.Days(Stage.LogRetentionDays),
        });
        IdentityPool = new SecureIdentityPool(this, "IdentityPool", new SecureIdentityPoolProps(config)
        {
            UserPool = UserPool,
            Clients = [signIn.SpaClient, signIn.ServerClient],
            Data = UserData,
        });
        Publish("IdentityPoolId", "identity-pool/id", IdentityPool.IdentityPool.Ref, "Cognito identity pool id");
        Publish("AuthenticatedRoleArn", "identity-pool/authenticated-role-arn", IdentityPool.AuthenticatedRole.RoleArn, "Role of signed-in identities");
        Publish("AdminRoleArn", "identity-pool/admin-role-arn", IdentityPool.AdminRole.RoleArn, "Role of the admin group");
        if (IdentityPool.GuestRole is { } guest)
        {
            Publish("GuestRoleArn", "identity-pool/guest-role-arn", guest.RoleArn, "Role of guests (no sign-in)");
        }

        Publish("UserDataBucketName", "data/bucket-name", UserData.Bucket.BucketName, "User files: private/{identity id}/, public/, tenants/{tenant}/");
        Publish("UserDataTableName", "data/user-data-table-name", UserData.UserDataTable.TableName, "Per-user items (partition key identityId)");
        Publish("LeaderboardTableName", "data/leaderboard-table-name", UserData.LeaderboardTable.TableName, "Leaderboard (partition key identityId)");
    }

    /// <summary><c>billing-export</c> -> <c>BillingExport</c>: a machine client name as part of an output id (letters and digits only).</summary>
    private static string PascalCase(string name) =>
        string.Concat(name.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    /// <summary>A stack output (exported) and an SSM parameter <c>/identity/{stage}/{parameter}</c>, for other stacks and teams.</summary>
    private void Publish(string id, string parameter, string value, string description)
    {
        _ = new CfnOutput(this, id, new CfnOutputProps
        {
            Value = value,
            Description = description,
            ExportName = $"{Stage.StackName}-{id}",
        });
        _ = new StringParameter(this, id + "Parameter", new StringParameterProps
        {
            ParameterName = $"/identity/{Stage.Name}/{parameter}",
            StringValue = value,
            Description = description,
        });
    }
}
