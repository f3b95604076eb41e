using IdentityStack.Constructs.Data;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using IdentityStack.Constructs.Functions;
using IdentityStack.Triggers.Contract;
using Constructs;

namespace IdentityStack.Constructs.Triggers;

/// <summary>
/// The seven user pool triggers, each its own function of one Native AOT binary with only the
/// permissions it needs, attached to the pool (pre token generation as V3, so machines'
/// client-credentials tokens pass through it too; see <see cref="MachineClientRegistry"/>), the directory and
/// legacy-user tables they read and write, and alarms on errors and on durations near Cognito's
/// 5-second limit.
/// </summary>
public sealed class CognitoTriggers : Construct
{
    /// <summary>A trigger slower than this (80% of Cognito's limit) raises its duration alarm.</summary>
    public static readonly Duration DurationAlarmThreshold = Duration.Millis(4000);

    private const string PreTokenGenerationVersionPath = "LambdaConfig.PreTokenGenerationConfig.LambdaVersion";
    private const string PreTokenGenerationVersion = "V3_0";
    private static readonly string[] ProfileKeys = [DirectoryKeys.UserPrefix + "*"];

    /// <summary>Profiles (USER#sub) and tenants (TENANT#id).</summary>
    public Table DirectoryTable { get; }

    /// <summary>Users of the system being migrated from, keyed by lower-case username.</summary>
    public Table LegacyUsersTable { get; }

    /// <summary>The functions, by trigger.</summary>
    public IReadOnlyDictionary<CognitoTrigger, NativeAotFunction> Functions { get; }

    /// <summary>Creates and attaches the triggers.</summary>
    public CognitoTriggers(Construct scope, string id, CognitoTriggersProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        PropsProblem.ThrowIfAny(nameof(CognitoTriggersProps), props.Problems(), nameof(props));
        DirectoryTable = SecureTable.Create(this, "DirectoryTable", DirectoryKeys.PartitionKey, props.RemovalPolicy, timeToLiveAttribute: DirectoryKeys.TimeToLiveAttribute);
        DirectoryTable.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
        {
            IndexName = DirectoryKeys.TenantIndex,
            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = DirectoryKeys.TenantAttribute, Type = AttributeType.STRING },
            SortKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = DirectoryKeys.PartitionKey, Type = AttributeType.STRING },
            ProjectionType = ProjectionType.INCLUDE,
            NonKeyAttributes = ["sub", "userName", "email"],
        });
        LegacyUsersTable = SecureTable.Create(this, "LegacyUsersTable", DirectoryKeys.LegacyUserKey, props.RemovalPolicy);

        var shared = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TriggerEnvironment.AllowedEmailDomains] = TriggerSettingFormats.EncodeList(props.AllowedEmailDomains),
            [TriggerEnvironment.GroupScopes] = TriggerSettingFormats.EncodeNamedLists(GroupScopes(props.UserPool)),
            [TriggerEnvironment.EmailSender] = TriggerSettingFormats.EncodeEmailSender(props.UserPool.SendsEmailThroughSes),
        };
        AddProviderSettings(shared, props.FederatedProviders);
        var functions = new Dictionary<CognitoTrigger, NativeAotFunction>();
        foreach (var trigger in CognitoTrigger.All)
        {
            var environment = new Dictionary<string, string>(shared, StringComparer.Ordinal);
            if (DirectoryUsers.Contains(trigger))
            {
                environment[TriggerEnvironment.DirectoryTable] = DirectoryTable.TableName;
            }

            if (trigger == CognitoTrigger.UserMigration)
            {
                environment[TriggerEnvironment.LegacyUsersTable] = LegacyUsersTable.TableName;
            }

            var function = new NativeAotFunction(this, trigger.Handler, new NativeAotFunctionProps
            {
                Binary = props.Binary.For(trigger.Handler),
                Handler = trigger.Handler,
                Description = trigger.Description,
                Timeout = props.Timeout,
                Environment = environment,
                LogRetention = props.LogRetention,
                LogRemovalPolicy = props.RemovalPolicy,
            });
            functions[trigger] = function;
            Attach(props.UserPool, trigger, function.Function);
            Alarm(trigger, function.Function);
        }

        Functions = functions;
        GrantDataAccess();
        RefusalAlarm(TriggerMetricNames.ForeignProviderTenant, "An identity provider asserted a tenant outside its list: its user got no tokens. A misconfigured IdP, or someone trying to reach another tenant; the PreTokenGeneration or PreSignUp log says which provider and value.");
        RefusalAlarm(TriggerMetricNames.UnregisteredMachineClientToken, "A client-credentials token was refused: the app client is not a registered machine client. The PreTokenGeneration log names the client id.");
    }

    /// <summary>
    /// The providers' settings the triggers apply (<see cref="TriggerEnvironment"/>): trusted for
    /// email, exempt from the allow-list, the tenants each may assert, fixed tenants. A variable is
    /// set only when some provider needs it.
    /// </summary>
    private static void AddProviderSettings(Dictionary<string, string> environment, IReadOnlyList<Federation.FederatedProvider> providers)
    {
        void SetList(string variable, IEnumerable<string> names)
        {
            var list = TriggerSettingFormats.EncodeList(names);
            if (list.Length > 0)
            {
                environment[variable] = list;
            }
        }

        SetList(TriggerEnvironment.TrustedEmailProviders, providers.Where(p => p.TrustEmail).Select(p => p.Name));
        SetList(TriggerEnvironment.AllowListExemptProviders, providers.Where(p => p.ExemptFromAllowList).Select(p => p.Name));
        if (ProviderTenantsSetting(providers) is { Length: > 0 } tenants)
        {
            environment[TriggerEnvironment.ProviderTenants] = tenants;
        }

        var fixedTenants = TriggerSettingFormats.EncodeNamedLists(providers
            .Where(p => p.FixedTenant is not null)
            .Select(p => new KeyValuePair<string, IReadOnlyList<string>>(p.Name, [p.FixedTenant!])));
        if (fixedTenants.Length > 0)
        {
            environment[TriggerEnvironment.ProviderFixedTenants] = fixedTenants;
        }
    }

    /// <summary>The tenants each provider that maps a tenant claim may assert, as <see cref="TriggerEnvironment.ProviderTenants"/> holds them.</summary>
    internal static string ProviderTenantsSetting(IEnumerable<Federation.FederatedProvider> providers) =>
        TriggerSettingFormats.EncodeNamedLists(providers
            .Where(p => p.TenantAttribute is not null && p.FixedTenant is null && (p.Tenants?.Count ?? 0) > 0)
            .Select(p => new KeyValuePair<string, IReadOnlyList<string>>(p.Name, p.Tenants)));

    /// <summary>The scopes each of the pool's groups adds to access tokens (groups without scopes left out), in the pool's order.</summary>
    private static Dictionary<string, IReadOnlyList<string>> GroupScopes(UserPools.SecureUserPool pool) =>
        pool.GroupDefinitions.Where(g => g.Scopes.Count > 0).ToDictionary(g => g.Name, g => g.Scopes, StringComparer.Ordinal);

    /// <summary>
    /// Sets the pool's LambdaConfig entry (an L1 override, so other triggers set elsewhere are kept)
    /// and lets only Cognito, for this pool in this account, invoke the function. The functions never
    /// reference the pool, so pool -> function -> permission has no cycle.
    /// </summary>
    private void Attach(UserPools.SecureUserPool pool, CognitoTrigger trigger, Function function)
    {
        pool.CfnUserPool.AddPropertyOverride(trigger.LambdaConfigPath, function.FunctionArn);
        if (trigger == CognitoTrigger.PreTokenGeneration)
        {
            pool.CfnUserPool.AddPropertyOverride(PreTokenGenerationVersionPath, PreTokenGenerationVersion);
        }

        _ = new CfnPermission(this, trigger.Handler + "Invoke", new CfnPermissionProps
        {
            Action = "lambda:InvokeFunction",
            FunctionName = function.FunctionArn,
            Principal = ServicePrincipals.CognitoIdp,
            SourceAccount = Stack.Of(this).Account,
            SourceArn = pool.UserPool.UserPoolArn,
        });
    }

    /// <summary>An alarm on a refusal the triggers count: any one in five minutes.</summary>
    private void RefusalAlarm(string metricName, string description) =>
        _ = Monitoring.PlatformMetricAlarm.Create(this, metricName, metricName, 1, description);

    private void Alarm(CognitoTrigger trigger, Function function)
    {
        _ = function.MetricErrors(new MetricOptions { Period = Duration.Minutes(5), Statistic = Stats.SUM })
            .CreateAlarm(this, trigger.Handler + "Errors", new CreateAlarmOptions
            {
                AlarmDescription = $"{trigger.Handler} trigger failed: users see a sign-in or sign-up error. Check its log group.",
                Threshold = 1,
                EvaluationPeriods = 1,
                ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                TreatMissingData = TreatMissingData.NOT_BREACHING,
            });
        _ = function.MetricDuration(new MetricOptions { Period = Duration.Minutes(5), Statistic = Stats.MAXIMUM })
            .CreateAlarm(this, trigger.Handler + "NearTimeLimit", new CreateAlarmOptions
            {
                AlarmDescription = $"{trigger.Handler} trigger took over {DurationAlarmThreshold.ToMilliseconds()} ms; Cognito gives up at 5000 ms.",
                Threshold = DurationAlarmThreshold.ToMilliseconds(),
                EvaluationPeriods = 1,
                ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                TreatMissingData = TreatMissingData.NOT_BREACHING,
            });
    }

    /// <summary>
    /// The triggers that use the directory table: post confirmation writes profiles; pre authentication
    /// and pre token generation read them, the latter because a refresh-token grant runs pre token
    /// generation but never pre authentication, so suspension must be checked there too.
    /// </summary>
    private static readonly CognitoTrigger[] DirectoryUsers = [CognitoTrigger.PostConfirmation, CognitoTrigger.PreAuthentication, CognitoTrigger.PreTokenGeneration];

    /// <summary>Post confirmation and pre token generation may only create profile items (and pre token generation update them); pre authentication, pre token generation and user migration read; user migration marks legacy users.</summary>
    private void GrantDataAccess()
    {
        // Profiles are created by post confirmation, or by pre token generation for a user who has
        // none (invited, migrated); both may create profile items only.
        foreach (var writer in new[] { CognitoTrigger.PostConfirmation, CognitoTrigger.PreTokenGeneration })
        {
            Functions[writer].Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions = ["dynamodb:PutItem"],
                Resources = [DirectoryTable.TableArn],
                Conditions = new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    ["ForAllValues:StringLike"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["dynamodb:LeadingKeys"] = ProfileKeys },
                },
            }));
        }
        // Pre token generation lists a profile under the user's tenant when it changed: updates of profile items only.
        Functions[CognitoTrigger.PreTokenGeneration].Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["dynamodb:UpdateItem"],
            Resources = [DirectoryTable.TableArn],
            Conditions = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["ForAllValues:StringLike"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["dynamodb:LeadingKeys"] = ProfileKeys },
            },
        }));
        foreach (var reader in new[] { CognitoTrigger.PreAuthentication, CognitoTrigger.PreTokenGeneration })
        {
            Functions[reader].Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions = ["dynamodb:GetItem"],
                Resources = [DirectoryTable.TableArn],
            }));
        }
        // User migration reads legacy users and marks the ones it imported (their legacy password then opens nothing else).
        Functions[CognitoTrigger.UserMigration].Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["dynamodb:GetItem", "dynamodb:UpdateItem"],
            Resources = [LegacyUsersTable.TableArn],
        }));
    }
}
