using System.Text.Json;
using System.Text.RegularExpressions;
using IdentityStack.Constructs.Triggers;
using IdentityStack.Constructs;
using IdentityStack.Triggers.Contract;

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

    private static readonly Dictionary<string, TriggerArchitecture> ArchitectureChoices = new(StringComparer.Ordinal)
    {
        ["arm64"] = TriggerArchitecture.Arm64,
        ["x86_64"] = TriggerArchitecture.X86_64,
    };

    /// <summary>The configuration names of the trigger options' properties (stage fields).</summary>
    private static readonly Dictionary<string, string> TriggersConfigNames = new(StringComparer.Ordinal)
    {
        [nameof(CognitoTriggersOptions.AllowedEmailDomains)] = "allowedSignUpEmailDomains",
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
                problems.Add(new ConfigProblem(path, PropsProblem.Quoted(stage.Name), "stage names are 1-16 lower-case letters, digits or hyphens, starting with a letter (they become part of stack names)."));
                continue;
            }

            if (ReservedStageNames.Contains(stage.Name, StringComparer.Ordinal))
            {
                problems.Add(new ConfigProblem(path, PropsProblem.Quoted(stage.Name), $"'{stage.Name}' is reserved ('{StageSelection.AllStages}' selects every stage; the template gate's acknowledgments name the stage classes 'production' and 'non-production'): choose another name."));
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
        var userPool = UserPoolConfigReader.Read(reader);
        var triggers = new CognitoTriggersOptions
        {
            AllowedEmailDomains = reader.TextArray("allowedSignUpEmailDomains", "use a lower-case domain name such as \"example.com\" (no '@', no scheme)."),
        };
        reader.PropsProblems(triggers.Problems(), TriggersConfigNames);
        var architecture = reader.Choice("triggerArchitecture", TriggerArchitecture.Arm64, ArchitectureChoices);
        var federation = FederationConfigReader.Read(reader, triggers.AllowedEmailDomains);
        var signIn = SignInConfigReader.Read(userPool.Production, reader.Object("signIn"), federation);
        if (signIn is not null)
        {
            // What the pool can send decides which one-time codes sign-in may offer: a rule across sections.
            reader.PropsProblems(
                IdentityStack.Constructs.SignIn.FirstAuthFactorRules.PoolProblems("SignIn.FirstFactors", signIn.Options.FirstFactors, userPool.Email is not null, userPool.SmsEnabled));
        }
        var identityPool = IdentityPoolConfigReader.Read(reader.Object("identityPool"), reader.Has("signIn"), userPool.Groups, userPool.Production, account);
        var api = ApiConfigReader.Read(reader.Object("api"), reader.Has("signIn"), userPool.Groups, identityPool?.DeveloperProviderName is not null, userPool.Production);
        var (logDays, noncurrentDays) = RetentionConfigReader.Read(reader.Object("retention"), userPool.Production);
        var alarms = AlarmsConfigReader.Read(reader, userPool.Production);
        var backup = BackupConfigReader.Read(reader.Object("backup"), userPool.Production);
        reader.RejectUnknownFields();
        return region is null
            ? null
            : new StageConfig
            {
                Name = name,
                Account = account,
                Region = region,
                UserPool = userPool,
                Triggers = triggers,
                TriggerArchitecture = architecture,
                LogRetentionDays = logDays,
                NoncurrentVersionDays = noncurrentDays,
                Alarms = alarms,
                Backup = backup,
                Federation = federation,
                SignIn = signIn,
                IdentityPool = identityPool,
                Api = api,
            };
    }

    /// <summary>Names a stage cannot have: the selection of every stage, and the stage classes of the template gate's acknowledgments.</summary>
    public static readonly IReadOnlyList<string> ReservedStageNames = [StageSelection.AllStages, "production", "non-production"];

    /// <summary>What a stage name is: 1-16 lower-case letters, digits or hyphens, starting with a letter (the JSON Schema states it too).</summary>
    public const string StageNamePatternText = "^[a-z][a-z0-9-]{0,15}$";

    [GeneratedRegex(StageNamePatternText, RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex StageNamePattern();

    [GeneratedRegex("^[0-9]{12}$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex RegionPattern();

}
