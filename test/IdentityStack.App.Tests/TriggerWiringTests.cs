using IdentityStack.Triggers.Contract;

namespace IdentityStack.App.Tests;

/// <summary>How the seven triggers are built, attached, permitted and watched, per stage.</summary>
[Collection(SynthesizedStagesDefinition.Name)]
public sealed class TriggerWiringTests(SynthesizedStages stages)
{
    private const string FunctionType = "AWS::Lambda::Function";

    public static TheoryData<string> AllStages => ["dev", "staging", "prod"];

    private static List<JsonElement> Statements(JsonElement policyDocument) =>
        [.. policyDocument.GetProperty("Statement").EnumerateArray()];

    private static IEnumerable<string> Strings(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()) : [value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()];

    /// <summary>The trigger functions (the Triggers construct's); the classic-UI custom resource function is tested with the hosted UI.</summary>
    private static Dictionary<string, JsonElement> TriggerFunctions(Template template) =>
        TemplateJson.OfType(template, FunctionType).Where(f => f.Key.StartsWith("Triggers", StringComparison.Ordinal)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    /// <summary>Function logical id -> its handler, role logical id, and all statements of that role.</summary>
    private static Dictionary<string, (string Role, List<JsonElement> Statements)> RolesByHandler(Template template)
    {
        var functions = TriggerFunctions(template);
        var roles = TemplateJson.OfType(template, "AWS::IAM::Role");
        var policies = TemplateJson.OfType(template, "AWS::IAM::Policy");
        var result = new Dictionary<string, (string, List<JsonElement>)>(StringComparer.Ordinal);
        foreach (var function in functions.Values)
        {
            var properties = function.GetProperty("Properties");
            var role = properties.GetProperty("Role").GetProperty("Fn::GetAtt")[0].GetString()!;
            var statements = roles[role].GetProperty("Properties").TryGetProperty("Policies", out var inline)
                ? inline.EnumerateArray().SelectMany(p => Statements(p.GetProperty("PolicyDocument"))).ToList()
                : [];
            statements.AddRange(policies.Values
                .Where(p => p.GetProperty("Properties").GetProperty("Roles").EnumerateArray().Any(r => string.Equals(r.GetProperty("Ref").GetString(), role, StringComparison.Ordinal)))
                .SelectMany(p => Statements(p.GetProperty("Properties").GetProperty("PolicyDocument"))));
            result[properties.GetProperty("Handler").GetString()!] = (role, statements);
        }

        return result;
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Seven_native_aot_functions_run_on_provided_al2023_arm64_within_5_seconds_with_tracing(string stage)
    {
        var functions = TriggerFunctions(stages[stage]).Values.Select(f => f.GetProperty("Properties")).ToList();

        Assert.Equal(TriggerHandlerNames.All.Order(StringComparer.Ordinal), functions.Select(f => f.GetProperty("Handler").GetString()).Order(StringComparer.Ordinal));
        Assert.All(functions, f =>
        {
            Assert.Equal("provided.al2023", f.GetProperty("Runtime").GetString());
            Assert.Equal(["arm64"], Strings(f.GetProperty("Architectures")));
            Assert.InRange(f.GetProperty("Timeout").GetInt32(), 1, 5);
            Assert.Equal("Active", f.GetProperty("TracingConfig").GetProperty("Mode").GetString());
            Assert.True(f.TryGetProperty("LoggingConfig", out var logging) && logging.TryGetProperty("LogGroup", out _));
        });
        // Two binaries of one source tree: the handlers that call no AWS service share the one without the AWS SDK.
        var assets = functions.ToLookup(f => f.GetProperty("Code").GetProperty("S3Key").GetRawText(), f => f.GetProperty("Handler").GetString()!, StringComparer.Ordinal);
        Assert.Equal(2, assets.Count);
        Assert.Contains(assets, a => a.Order(StringComparer.Ordinal).SequenceEqual(TriggerHandlerNames.WithoutAws.Order(StringComparer.Ordinal)));
        // Retention by the stage's role (RetentionTests): a year on production stages, a month elsewhere.
        stages[stage].AllResourcesProperties("AWS::Logs::LogGroup", TemplateJson.Pattern(stages.Stacks[stage].Stage.Production ? """{ "RetentionInDays": 365 }""" : """{ "RetentionInDays": 30 }"""));
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Every_trigger_is_attached_and_pre_token_generation_is_version_3(string stage)
    {
        var config = TemplateJson.Single(stages[stage], "AWS::Cognito::UserPool").GetProperty("Properties").GetProperty("LambdaConfig");
        foreach (var key in new[] { "PreSignUp", "PostConfirmation", "PreAuthentication", "PostAuthentication", "CustomMessage", "UserMigration" })
        {
            Assert.True(config.GetProperty(key).TryGetProperty("Fn::GetAtt", out var arn), key);
            Assert.Equal("Arn", arn[1].GetString());
        }

        var preToken = config.GetProperty("PreTokenGenerationConfig");
        // Only V3_0 sends client-credentials (machine) access tokens through the trigger; V2_0 applies
        // to users' tokens alone (developer guide, "Pre token generation Lambda trigger",
        // https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html).
        Assert.Equal("V3_0", preToken.GetProperty("LambdaVersion").GetString());
        Assert.Equal("Arn", preToken.GetProperty("LambdaArn").GetProperty("Fn::GetAtt")[1].GetString());
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Only_cognito_for_this_pool_and_account_may_invoke_each_trigger(string stage)
    {
        var pool = Assert.Single(TemplateJson.OfType(stages[stage], "AWS::Cognito::UserPool").Keys);
        var triggers = TriggerFunctions(stages[stage]).Keys.ToHashSet(StringComparer.Ordinal);
        var permissions = TemplateJson.OfType(stages[stage], "AWS::Lambda::Permission").Values.Select(p => p.GetProperty("Properties"))
            .Where(p => triggers.Contains(p.GetProperty("FunctionName").GetProperty("Fn::GetAtt")[0].GetString()!)).ToList();

        Assert.Equal(7, permissions.Count);
        Assert.All(permissions, p =>
        {
            Assert.Equal("lambda:InvokeFunction", p.GetProperty("Action").GetString());
            Assert.Equal("cognito-idp.amazonaws.com", p.GetProperty("Principal").GetString());
            var account = p.GetProperty("SourceAccount");
            Assert.Equal(RepositoryFiles.StageAccount(stage) ?? "AWS::AccountId", RepositoryFiles.StageAccount(stage) is null ? account.GetProperty("Ref").GetString() : account.GetString());
            Assert.Equal(pool, p.GetProperty("SourceArn").GetProperty("Fn::GetAtt")[0].GetString());
        });
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void The_template_has_no_circular_dependency_and_no_function_depends_on_the_pool(string stage)
    {
        var graph = ResourceGraph.Dependencies(TemplateJson.Whole(stages[stage]));
        var pool = Assert.Single(TemplateJson.OfType(stages[stage], "AWS::Cognito::UserPool").Keys);

        Assert.Null(ResourceGraph.FindCycle(graph));
        foreach (var function in TriggerFunctions(stages[stage]).Keys)
        {
            Assert.DoesNotContain(pool, graph[function]);
        }
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Each_trigger_role_has_only_the_permissions_its_trigger_needs(string stage)
    {
        var roles = RolesByHandler(stages[stage]);
        string[] dataFree = [TriggerHandlerNames.PreSignUp, TriggerHandlerNames.PostAuthentication, TriggerHandlerNames.CustomMessage];

        foreach (var (handler, (_, statements)) in roles)
        {
            var actions = statements.SelectMany(s => Strings(s.GetProperty("Action"))).ToHashSet(StringComparer.Ordinal);
            Assert.All(statements, s => Assert.Equal("Allow", s.GetProperty("Effect").GetString()));
            Assert.Subset(new HashSet<string>(["logs:CreateLogStream", "logs:PutLogEvents", "xray:PutTraceSegments", "xray:PutTelemetryRecords", "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem"], StringComparer.Ordinal), actions);
            foreach (var wildcard in statements.Where(s => Strings(s.GetProperty("Resource")).Contains("*", StringComparer.Ordinal)))
            {
                Assert.All(Strings(wildcard.GetProperty("Action")), a => Assert.StartsWith("xray:", a, StringComparison.Ordinal));
            }

            if (dataFree.Contains(handler, StringComparer.Ordinal))
            {
                Assert.DoesNotContain(actions, a => a.StartsWith("dynamodb:", StringComparison.Ordinal));
            }
        }

        foreach (var writer in new[] { TriggerHandlerNames.PostConfirmation, TriggerHandlerNames.PreTokenGeneration })
        {
            var put = Assert.Single(roles[writer].Statements, s => Strings(s.GetProperty("Action")).Contains("dynamodb:PutItem", StringComparer.Ordinal));
            Assert.Equal(["dynamodb:PutItem"], Strings(put.GetProperty("Action")));
            Assert.Equal(["USER#*"], Strings(put.GetProperty("Condition").GetProperty("ForAllValues:StringLike").GetProperty("dynamodb:LeadingKeys")));
        }
        // Pre authentication and pre token generation read the directory (disabled users, suspended
        // tenants): a refresh-token grant runs only pre token generation, so both must be able to refuse.
        var directoryTable = Assert.Single(TemplateJson.OfType(stages[stage], "AWS::DynamoDB::Table").Keys, k => k.Contains("DirectoryTable", StringComparison.Ordinal));
        var functions = TriggerFunctions(stages[stage]);
        foreach (var reader in new[] { TriggerHandlerNames.PreAuthentication, TriggerHandlerNames.PreTokenGeneration })
        {
            var read = Assert.Single(roles[reader].Statements, s => Strings(s.GetProperty("Action")).Contains("dynamodb:GetItem", StringComparer.Ordinal));
            Assert.Equal(["dynamodb:GetItem"], Strings(read.GetProperty("Action")));
            Assert.Equal(directoryTable, read.GetProperty("Resource").GetProperty("Fn::GetAtt")[0].GetString());
            var function = functions.Values.Single(f => string.Equals(f.GetProperty("Properties").GetProperty("Handler").GetString(), reader, StringComparison.Ordinal));
            Assert.Equal(directoryTable, function.GetProperty("Properties").GetProperty("Environment").GetProperty("Variables").GetProperty(TriggerEnvironment.DirectoryTable).GetProperty("Ref").GetString());
        }
        // Pre token generation moves a profile to the user's tenant: updates of profile items only.
        var update = Assert.Single(roles[TriggerHandlerNames.PreTokenGeneration].Statements, s => Strings(s.GetProperty("Action")).Contains("dynamodb:UpdateItem", StringComparer.Ordinal));
        Assert.Equal(["dynamodb:UpdateItem"], Strings(update.GetProperty("Action")));
        Assert.Equal(["USER#*"], Strings(update.GetProperty("Condition").GetProperty("ForAllValues:StringLike").GetProperty("dynamodb:LeadingKeys")));
        Assert.Equal(directoryTable, update.GetProperty("Resource").GetProperty("Fn::GetAtt")[0].GetString());
        Assert.DoesNotContain(roles[TriggerHandlerNames.PostConfirmation].Statements, s => Strings(s.GetProperty("Action")).Contains("dynamodb:UpdateItem", StringComparer.Ordinal));
        // User migration reads legacy users and marks the ones it imported, in the legacy table only.
        var legacyTable = Assert.Single(TemplateJson.OfType(stages[stage], "AWS::DynamoDB::Table").Keys, k => k.Contains("LegacyUsersTable", StringComparison.Ordinal));
        var legacy = Assert.Single(roles[TriggerHandlerNames.UserMigration].Statements, s => Strings(s.GetProperty("Action")).SequenceEqual(["dynamodb:GetItem", "dynamodb:UpdateItem"], StringComparer.Ordinal));
        Assert.Equal(legacyTable, legacy.GetProperty("Resource").GetProperty("Fn::GetAtt")[0].GetString());
        Assert.All(TemplateJson.OfType(stages[stage], "AWS::IAM::Role").Values, role =>
            Assert.False(role.GetProperty("Properties").TryGetProperty("ManagedPolicyArns", out _), "no role gets a managed policy"));
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Every_trigger_alarms_on_errors_and_on_durations_near_the_5_second_limit(string stage)
    {
        // Single-metric alarms only (the throttling alarms are metric math, without MetricName).
        var alarms = TemplateJson.OfType(stages[stage], "AWS::CloudWatch::Alarm").Values.Select(a => a.GetProperty("Properties")).Where(p => p.TryGetProperty("MetricName", out _)).ToList();

        Assert.Equal(7, alarms.Count(a => a.GetProperty("MetricName").GetString() is "Errors" && a.GetProperty("Threshold").GetDouble() == 1 && a.GetProperty("Statistic").GetString() is "Sum"));
        Assert.Equal(7, alarms.Count(a => a.GetProperty("MetricName").GetString() is "Duration" && a.GetProperty("Threshold").GetDouble() == 4000 && a.GetProperty("Statistic").GetString() is "Maximum"));
    }

    [Theory]
    [InlineData("dev", "COGNITO", "example.com,example.org")]
    [InlineData("prod", "SES", "example.com")]
    public void Triggers_get_their_settings_from_the_stage_configuration(string stage, string sender, string domains)
    {
        foreach (var function in TriggerFunctions(stages[stage]).Values)
        {
            var variables = function.GetProperty("Properties").GetProperty("Environment").GetProperty("Variables");
            Assert.Equal(sender, variables.GetProperty(TriggerEnvironment.EmailSender).GetString());
            Assert.Equal(domains, variables.GetProperty(TriggerEnvironment.AllowedEmailDomains).GetString());
            Assert.Equal("admins=identitystack/admin,identitystack/write,identitystack/read;members=identitystack/read", variables.GetProperty(TriggerEnvironment.GroupScopes).GetString());
        }
    }

    // The providers' tenant and email settings reach every trigger function in the one format the
    // binary parses (TriggerSettingFormats): prod's OIDC provider may assert acme-01 or acme-02, its
    // SAML provider's users are all acme-01 and outside the allow-list, Facebook and Login with
    // Amazon (which send no email_verified) are trusted for email, the others are neither.
    [Fact]
    public void Prod_triggers_know_which_tenants_each_provider_may_give_and_whose_email_counts()
    {
        foreach (var function in TriggerFunctions(stages["prod"]).Values)
        {
            var variables = function.GetProperty("Properties").GetProperty("Environment").GetProperty("Variables");
            Assert.Equal("AcmeOidc=acme-01,acme-02", variables.GetProperty(TriggerEnvironment.ProviderTenants).GetString());
            Assert.Equal("AcmeSaml=acme-01", variables.GetProperty(TriggerEnvironment.ProviderFixedTenants).GetString());
            Assert.Equal("Facebook,LoginWithAmazon", variables.GetProperty(TriggerEnvironment.TrustedEmailProviders).GetString());
            Assert.Equal("AcmeSaml", variables.GetProperty(TriggerEnvironment.AllowListExemptProviders).GetString());
        }

        foreach (var function in TriggerFunctions(stages["dev"]).Values)
        {
            var variables = function.GetProperty("Properties").GetProperty("Environment").GetProperty("Variables");
            Assert.False(variables.TryGetProperty(TriggerEnvironment.ProviderTenants, out _));
            Assert.False(variables.TryGetProperty(TriggerEnvironment.ProviderFixedTenants, out _));
        }
    }

    // Custom resources answer only on CloudFormation's pre-signed S3 URLs; the loopback origin the
    // local tests add must never reach a deployed function.
    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void No_function_of_a_stage_carries_the_tests_response_origin(string stage)
    {
        foreach (var (id, function) in TemplateJson.OfType(stages[stage], "AWS::Lambda::Function"))
        {
            var properties = function.GetProperty("Properties");
            Assert.False(
                properties.TryGetProperty("Environment", out var environment) && environment.GetProperty("Variables").TryGetProperty(TriggerEnvironment.TestCloudFormationResponseOrigin, out _),
                $"{stage}: {id} sets {TriggerEnvironment.TestCloudFormationResponseOrigin}");
        }
    }

    // Refusals operators must see are counted by the triggers (Embedded Metric Format) and alarmed on.
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Foreign_provider_tenants_and_unregistered_machine_clients_raise_alarms(string stage)
    {
        var alarms = TemplateJson.OfType(stages[stage], "AWS::CloudWatch::Alarm").Values.Select(a => a.GetProperty("Properties"))
            .Where(p => p.TryGetProperty("Namespace", out var ns) && string.Equals(ns.GetString(), TriggerMetricNames.Namespace, StringComparison.Ordinal)).ToList();

        foreach (var metric in new[] { TriggerMetricNames.ForeignProviderTenant, TriggerMetricNames.UnregisteredMachineClientToken })
        {
            var alarm = Assert.Single(alarms, a => string.Equals(a.GetProperty("MetricName").GetString(), metric, StringComparison.Ordinal));
            Assert.Equal("Sum", alarm.GetProperty("Statistic").GetString());
            Assert.Equal(1, alarm.GetProperty("Threshold").GetDouble());
            Assert.False(alarm.TryGetProperty("Dimensions", out _), "the triggers count these without dimensions");
        }
    }

    [Fact]
    public void Prod_tables_are_encrypted_recoverable_and_retained_and_dev_tables_can_go()
    {
        stages["prod"].AllResources("AWS::DynamoDB::Table", TemplateJson.Pattern("""
            { "DeletionPolicy": "Retain",
              "Properties": { "DeletionProtectionEnabled": true, "BillingMode": "PAY_PER_REQUEST",
                              "PointInTimeRecoverySpecification": { "PointInTimeRecoveryEnabled": true },
                              "SSESpecification": { "SSEEnabled": true } } }
            """));
        stages["dev"].AllResources("AWS::DynamoDB::Table", TemplateJson.Pattern("""
            { "DeletionPolicy": "Delete", "Properties": { "DeletionProtectionEnabled": false,
              "PointInTimeRecoverySpecification": { "PointInTimeRecoveryEnabled": true } } }
            """));
    }
}
