using System.Text.Json;
using System.Text.RegularExpressions;
using IdentityStack.Constructs;
using IdentityStack.Constructs.UserPools;

namespace IdentityStack.App.Configuration;

/// <summary>
/// Turns the <c>stages</c> object of the cdk.json context into validated <see cref="StageConfig"/>s.
/// Every problem in every stage is reported at once, one line each, naming the field, the value
/// found and the fix.
/// </summary>
internal static partial class StageConfigReader
{
    /// <summary>The context key that holds every stage.</summary>
    public const string ContextKey = "stages";


    private static readonly Dictionary<string, MfaEnforcement> MfaChoices = new(StringComparer.Ordinal)
    {
        ["OFF"] = MfaEnforcement.Off,
        ["OPTIONAL"] = MfaEnforcement.Optional,
        ["REQUIRED"] = MfaEnforcement.Required,
    };

    private static readonly Dictionary<string, ThreatProtectionMode> ThreatProtectionChoices = new(StringComparer.Ordinal)
    {
        ["OFF"] = ThreatProtectionMode.Off,
        ["AUDIT"] = ThreatProtectionMode.Audit,
        ["ENFORCED"] = ThreatProtectionMode.Enforced,
    };

    private static readonly Dictionary<string, TriggerArchitecture> ArchitectureChoices = new(StringComparer.Ordinal)
    {
        ["arm64"] = TriggerArchitecture.Arm64,
        ["x86_64"] = TriggerArchitecture.X86_64,
    };

    private static readonly Dictionary<string, StageRemovalPolicy> RemovalPolicyChoices = new(StringComparer.Ordinal)
    {
        ["RETAIN"] = StageRemovalPolicy.Retain,
        ["DESTROY"] = StageRemovalPolicy.Destroy,
    };

    /// <summary>Reads and validates every stage; throws <see cref="StageConfigException"/> listing all problems.</summary>
    public static IReadOnlyDictionary<string, StageConfig> Read(JsonElement? stages)
    {
        var problems = new List<ConfigProblem>();
        if (stages is not { ValueKind: JsonValueKind.Object } || !stages.Value.EnumerateObject().Any())
        {
            throw new StageConfigException([new ConfigProblem(
                ContextKey,
                stages is null ? "missing" : stages.Value.GetRawText(),
                "define at least one stage under \"context\": { \"stages\": { \"dev\": { \"region\": \"eu-west-1\" } } } in cdk.json.")]);
        }

        var result = new Dictionary<string, StageConfig>(StringComparer.Ordinal);
        foreach (var stage in stages.Value.EnumerateObject())
        {
            var path = ContextKey + "." + stage.Name;
            if (!StageNamePattern().IsMatch(stage.Name))
            {
                problems.Add(new ConfigProblem(path, "\"" + stage.Name + "\"", "stage names are 1-16 lower-case letters, digits or hyphens, starting with a letter (they become part of stack names)."));
                continue;
            }

            if (stage.Value.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new ConfigProblem(path, stage.Value.GetRawText(), "each stage is a JSON object of settings, e.g. { \"region\": \"eu-west-1\" }."));
                continue;
            }

            var config = ReadStage(stage.Name, new JsonObjectReader(stage.Value, path, problems));
            if (config is not null)
            {
                result.Add(stage.Name, config);
            }
        }

        if (problems.Count > 0)
        {
            throw new StageConfigException(problems);
        }

        return result;
    }

    private static StageConfig? ReadStage(string name, JsonObjectReader reader)
    {
        var account = reader.OptionalString("account", AccountPattern(), "use the 12-digit AWS account id as a string, e.g. \"123456789012\", or leave it out for an account-agnostic stack.");
        var region = reader.RequiredString("region", RegionPattern(), "use an AWS region code such as \"eu-west-1\" or \"us-east-1\".");
        var production = reader.Bool("production", defaultValue: false);
        var selfSignUp = reader.Bool("selfSignUp", defaultValue: false);
        var mfa = reader.Choice("mfa", MfaEnforcement.Required, MfaChoices);
        var threatProtection = reader.Choice("threatProtection", ThreatProtectionMode.Enforced, ThreatProtectionChoices);
        var deletionProtection = reader.Bool("deletionProtection", defaultValue: true);
        var removalPolicy = reader.Choice("removalPolicy", StageRemovalPolicy.Retain, RemovalPolicyChoices);
        var email = EmailConfigReader.Read(reader.Object("email"));
        var sms = reader.Bool("sms", defaultValue: false);
        var (groups, groupScopes) = GroupsConfigReader.Read(reader);
        var domains = ReadDomains(reader);
        var architecture = reader.Choice("triggerArchitecture", TriggerArchitecture.Arm64, ArchitectureChoices);
        var federation = FederationConfigReader.Read(reader);
        var signIn = SignInConfigReader.Read(name, production, reader.Object("signIn"), federation);
        var identityPool = IdentityPoolConfigReader.Read(reader.Object("identityPool"), reader.Has("signIn"), groups);
        var api = ApiConfigReader.Read(reader.Object("api"), reader.Has("signIn"), groups);
        var (logDays, noncurrentDays) = RetentionConfigReader.Read(reader.Object("retention"), production);
        var alarms = AlarmsConfigReader.Read(reader.Object("alarms"));
        reader.RejectUnknownFields();

        if (production)
        {
            ReportProductionPool(reader, threatProtection, mfa, removalPolicy, deletionProtection);
            ReportProductionAlarms(reader, alarms);
        }

        if (removalPolicy == StageRemovalPolicy.Destroy && deletionProtection)
        {
            reader.Problem("removalPolicy", "\"DESTROY\"", "CloudFormation cannot delete a pool that has deletion protection; set \"deletionProtection\": false for a throwaway stage, or use \"RETAIN\".");
        }

        return region is null
            ? null
            : new StageConfig
            {
                Name = name,
                Account = account,
                Production = production,
                LogRetentionDays = logDays,
                NoncurrentVersionDays = noncurrentDays,
                Alarms = alarms,
                Region = region,
                SelfSignUp = selfSignUp,
                Mfa = mfa,
                ThreatProtection = threatProtection,
                DeletionProtection = deletionProtection,
                RemovalPolicy = removalPolicy,
                Email = email,
                Sms = sms,
                Groups = groups,
                GroupScopes = groupScopes,
                TriggerArchitecture = architecture,
                Federation = federation,
                SignIn = signIn,
                IdentityPool = identityPool,
                Api = api,
                AllowedSignUpEmailDomains = domains,
            };
    }

    /// <summary>ProductionPolicy's pool rules, each at its field with the value written.</summary>
    private static void ReportProductionPool(JsonObjectReader reader, ThreatProtectionMode threatProtection, MfaEnforcement mfa, StageRemovalPolicy removalPolicy, bool deletionProtection)
    {
        var written = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["threatProtection"] = Quoted(ThreatProtectionChoices.First(c => c.Value == threatProtection).Key),
            ["mfa"] = Quoted(MfaChoices.First(c => c.Value == mfa).Key),
            ["removalPolicy"] = Quoted(RemovalPolicyChoices.First(c => c.Value == removalPolicy).Key),
            ["deletionProtection"] = "false",
        };
        foreach (var problem in ProductionPolicy.PoolProblems(threatProtection, mfa, removalPolicy == StageRemovalPolicy.Destroy, deletionProtection))
        {
            reader.Problem(problem.Setting, written[problem.Setting], problem.Fix + ProductionNote);
        }
    }

    /// <summary>ProductionPolicy's alarm rule: someone subscribed to the stage's alarms.</summary>
    private static void ReportProductionAlarms(JsonObjectReader reader, IdentityStack.Constructs.Monitoring.AlarmNotificationsOptions alarms)
    {
        foreach (var problem in ProductionPolicy.AlarmProblems(alarms.Emails.Count, alarms.ExistingTopicArn is not null))
        {
            reader.Problem(problem.Setting, reader.Has("alarms") ? "no \"email\" and no \"topicArn\"" : "no \"alarms\"", problem.Fix + ProductionNote);
        }
    }

    internal const string ProductionNote = " (the stage says \"production\": true)";

    internal static string Quoted(string value) => "\"" + value + "\"";

    private static List<string> ReadDomains(JsonObjectReader stage) =>
        stage.StringArray("allowedSignUpEmailDomains", ConfigPatterns.Domain(), "use a lower-case domain name such as \"example.com\" (no '@', no scheme).");

    [GeneratedRegex("^[a-z][a-z0-9-]{0,15}$", RegexOptions.ExplicitCapture, ConfigPatterns.RegexTimeoutMilliseconds)]
    private static partial Regex StageNamePattern();

    [GeneratedRegex("^[0-9]{12}$", RegexOptions.ExplicitCapture, ConfigPatterns.RegexTimeoutMilliseconds)]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$", RegexOptions.ExplicitCapture, ConfigPatterns.RegexTimeoutMilliseconds)]
    private static partial Regex RegionPattern();

}
