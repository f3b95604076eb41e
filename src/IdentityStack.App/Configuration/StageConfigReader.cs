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

    private const int GroupPrecedenceHighest = int.MaxValue;
    private const int RegexTimeoutMilliseconds = 100;

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

    private static readonly string[] ReservedPrefixWords = ["aws", "amazon", "cognito"];

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
        var email = ReadEmail(reader.Object("email"));
        var sms = reader.Bool("sms", defaultValue: false);
        var (groups, groupScopes) = ReadGroups(reader);
        var domains = ReadDomains(reader);
        var architecture = reader.Choice("triggerArchitecture", TriggerArchitecture.Arm64, ArchitectureChoices);
        var federation = FederationConfigReader.Read(reader);
        var signIn = ReadSignIn(name, production, reader.Object("signIn"), federation);
        var identityPool = IdentityPoolConfigReader.Read(reader.Object("identityPool"), reader.Has("signIn"), groups);
        var api = ApiConfigReader.Read(reader.Object("api"), reader.Has("signIn"), groups);
        var (logDays, noncurrentDays) = ReadRetention(reader.Object("retention"), production);
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

    private static SesEmailSettings? ReadEmail(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var arn = reader.RequiredString("sesIdentityArn", SesIdentityArnPattern(), "use the ARN of a verified SES identity, e.g. \"arn:aws:ses:eu-west-1:123456789012:identity/example.com\", or remove \"email\" to use Cognito's default sender.");
        var from = reader.RequiredString("fromAddress", EmailAddressPattern(), "use the sender address, e.g. \"no-reply@example.com\".");
        var fromName = reader.OptionalString("fromName", DisplayNamePattern(), "use a short display name without <, > or quotes, e.g. \"Example Sign-in\".");
        var replyTo = reader.OptionalString("replyTo", EmailAddressPattern(), "use an email address, e.g. \"support@example.com\".");
        reader.RejectUnknownFields();
        if (arn is null || from is null)
        {
            return null;
        }

        var identity = SesIdentityArnPattern().Match(arn).Groups["identity"].Value;
        if (!SenderBelongsToIdentity(from, identity))
        {
            reader.Problem("fromAddress", "\"" + from + "\"", $"SES only sends from addresses of the identity '{identity}'; use an address at that domain (or that exact address).");
            return null;
        }

        return new SesEmailSettings(arn, from, fromName, replyTo);
    }

    private static bool SenderBelongsToIdentity(string from, string identity)
    {
        if (identity.Contains('@', StringComparison.Ordinal))
        {
            return string.Equals(from, identity, StringComparison.OrdinalIgnoreCase);
        }

        var domain = from[(from.LastIndexOf('@') + 1)..];
        return string.Equals(domain, identity, StringComparison.OrdinalIgnoreCase)
            || domain.EndsWith("." + identity, StringComparison.OrdinalIgnoreCase);
    }

    private static (List<UserPoolGroupDefinition> Groups, Dictionary<string, IReadOnlyList<string>> Scopes) ReadGroups(JsonObjectReader stage)
    {
        var groups = new List<UserPoolGroupDefinition>();
        var groupScopes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, path) in stage.Array("groups"))
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                stage.ProblemAt(path, item.GetRawText(), "each group is an object: { \"name\": \"admins\", \"description\": \"...\", \"precedence\": 0 }.");
                continue;
            }

            var group = stage.Nested(item, path);
            var name = group.RequiredString("name", GroupNamePattern(), "use 1-128 letters, digits, '_', '.' or '-', e.g. \"admins\".");
            var description = group.OptionalString("description", GroupDescriptionPattern(), "use plain text of at most 2048 characters.") ?? string.Empty;
            var precedence = group.Int("precedence", 0, GroupPrecedenceHighest);
            var scopes = group.StringArray("scopes", ScopePattern(), "use a scope name such as \"identitystack/admin\" (no spaces or quotes).");

            if (!item.TryGetProperty("precedence", out _))
            {
                group.Problem("precedence", "missing", "give every group a precedence (0 = highest); it decides which group's IAM role wins.");
            }

            group.RejectUnknownFields();
            if (name is not null && !seen.Add(name))
            {
                group.Problem("name", "\"" + name + "\"", "group names must be unique within a stage; remove or rename the duplicate.");
            }

            // A group whose name is valid stays in the list even when another of its fields has a
            // problem: references to it (adminGroup) are then checked against what the user wrote,
            // not reported as a second, misleading problem. Any problem stops the whole read, so such
            // a group never reaches a template.
            if (name is not null)
            {
                groups.Add(new UserPoolGroupDefinition(name, description, precedence ?? 0));
                if (scopes.Count > 0)
                {
                    groupScopes[name] = scopes;
                }
            }
        }

        return (groups, groupScopes);
    }

    private static SignInConfig? ReadSignIn(string stageName, bool production, JsonObjectReader? reader, List<IdentityStack.Constructs.Federation.FederatedProvider> federation)
    {
        if (reader is null)
        {
            return null;
        }

        var customDomain = ReadCustomDomain(reader.Object("customDomain"));
        if (reader.Has("domainPrefix") == reader.Has("customDomain"))
        {
            reader.Problem("domainPrefix", reader.Has("domainPrefix") ? "(both set)" : "missing", "give exactly one of \"domainPrefix\" (a Cognito domain) and \"customDomain\" (your own).");
        }

        var prefix = reader.OptionalString("domainPrefix", DomainPrefixPattern(), "use 1-63 lower-case letters, digits or hyphens, not starting or ending with a hyphen, e.g. \"acme-identity-dev\".");
        if (prefix is not null && ReservedPrefixWords.FirstOrDefault(w => prefix.Contains(w, StringComparison.Ordinal)) is { } reserved)
        {
            reader.Problem("domainPrefix", "\"" + prefix + "\"", $"Cognito refuses prefixes containing '{reserved}'; choose another, e.g. \"acme-identity-{stageName}\".");
            prefix = null;
        }

        var callbacks = ReadUrls(reader, "callbackUrls");
        var logouts = ReadUrls(reader, "logoutUrls");
        var allowPasswordAuth = reader.Bool("allowPasswordAuth", defaultValue: false);
        if (production)
        {
            ReportProductionSignIn(reader, allowPasswordAuth, callbacks ?? [], logouts ?? []);
        }

        var providers = ReadIdentityProviders(reader, federation);
        var look = HostedUiConfigReader.Read(reader);
        var validity = reader.Object("tokenValidity");
        var access = validity?.Int("accessMinutes", 5, 1440);
        var id = validity?.Int("idMinutes", 5, 1440);
        var refresh = validity?.Int("refreshDays", 1, 3650);
        validity?.RejectUnknownFields();
        reader.RejectUnknownFields();
        return (prefix is null && customDomain is null) || callbacks is null || logouts is null
            ? null
            : new SignInConfig
            {
                DomainPrefix = prefix,
                CustomDomain = customDomain,
                CallbackUrls = callbacks,
                LogoutUrls = logouts,
                AllowPasswordAuth = allowPasswordAuth,
                IdentityProviders = providers,
                Ui = look.Ui,
                ClassicCss = look.ClassicCss,
                ClassicLogo = look.ClassicLogo,
                ManagedLoginStyle = look.ManagedLoginStyle,
                AccessTokenMinutes = access ?? 60,
                IdTokenMinutes = id ?? 60,
                RefreshTokenDays = refresh ?? 30,
            };
    }

    /// <summary>signIn.identityProviders: each must name a configured federation provider.</summary>
    private static List<string> ReadIdentityProviders(JsonObjectReader reader, List<IdentityStack.Constructs.Federation.FederatedProvider> federation)
    {
        var providers = new List<string>();
        var enabled = federation.Count == 0 ? "none is configured" : "enabled: " + string.Join(", ", federation.Select(f => f.Name));
        foreach (var (item, path) in reader.Array("identityProviders"))
        {
            if (reader.Text(item, path, $"name a provider of \"federation\" ({enabled}).") is not { } provider)
            {
                continue;
            }

            if (federation.Any(f => string.Equals(f.Name, provider, StringComparison.Ordinal)))
            {
                providers.Add(provider);
            }
            else
            {
                reader.ProblemAt(path, item.GetRawText(), $"no provider of that name under \"federation\" ({enabled}); add it there or remove it here.");
            }
        }

        return providers;
    }

    private static IdentityStack.Constructs.SignIn.CustomSignInDomain? ReadCustomDomain(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var name = reader.RequiredString("domainName", DomainPattern(), "use a lower-case fully qualified name such as \"auth.example.com\".");
        var certificate = reader.RequiredString("certificateArn", CertificateArnPattern(), "use the ARN of an ACM certificate in us-east-1 (Cognito serves custom domains through CloudFront), e.g. \"arn:aws:acm:us-east-1:123456789012:certificate/...\".");
        var zoneId = reader.OptionalString("hostedZoneId", HostedZoneIdPattern(), "use the Route 53 hosted zone id, e.g. \"Z0123456789ABCDEFGHIJ\".");
        var zoneName = reader.OptionalString("hostedZoneName", DomainPattern(), "use the hosted zone's domain, e.g. \"example.com\".");
        reader.RejectUnknownFields();
        if (reader.Has("hostedZoneId") != reader.Has("hostedZoneName"))
        {
            reader.Problem("hostedZoneId", zoneId is null ? "missing" : "\"" + zoneId + "\"", "give both hostedZoneId and hostedZoneName for the alias records, or neither.");
            return null;
        }

        if (name is not null && zoneName is not null && !name.EndsWith("." + zoneName, StringComparison.Ordinal))
        {
            reader.Problem("domainName", "\"" + name + "\"", $"it is not inside the hosted zone '{zoneName}'; use a name under it, e.g. \"auth.{zoneName}\".");
            return null;
        }

        return name is null || certificate is null ? null : new IdentityStack.Constructs.SignIn.CustomSignInDomain(name, certificate, zoneId, zoneName);
    }

    /// <summary>Absolute https URLs (http only on localhost), no fragment; at least one.</summary>
    private static List<string>? ReadUrls(JsonObjectReader reader, string field)
    {
        var items = reader.Array(field);
        if (items.Count == 0)
        {
            reader.Problem(field, "missing", "list at least one URL, e.g. [\"https://app.example.com/callback\"].");
            return null;
        }

        var urls = new List<string>();
        foreach (var (item, path) in items)
        {
            const string Fix = "use an absolute https URL without '#' (http is allowed only for localhost), e.g. \"https://app.example.com/callback\".";
            if (reader.Text(item, path, Fix) is not { } text)
            {
                continue;
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Fragment.Length > 0
                || !(string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal)
                    || (string.Equals(uri.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal) && uri.IsLoopback)))
            {
                reader.ProblemAt(path, item.GetRawText(), Fix);
                continue;
            }

            urls.Add(text);
        }

        return urls.Count == items.Count ? urls : null;
    }

    /// <summary>stages.{name}.retention: log days (CloudWatch's accepted values; 365 on production stages, 30 elsewhere) and days of noncurrent file versions (30).</summary>
    private static (int LogDays, int NoncurrentVersionDays) ReadRetention(JsonObjectReader? reader, bool production)
    {
        var defaultDays = production ? LogRetention.ProductionDays : LogRetention.DefaultDays;
        if (reader is null)
        {
            return (defaultDays, 30);
        }

        var logDays = reader.Int("logDays", 1, 3653);
        if (logDays is { } days && !LogRetention.AcceptedDays.Contains(days))
        {
            reader.Problem("logDays", days.ToString(System.Globalization.CultureInfo.InvariantCulture), "CloudWatch Logs keeps logs for one of " + string.Join(", ", LogRetention.AcceptedDays) + " days; pick one.");
        }

        var noncurrent = reader.Int("noncurrentVersionDays", 1, 3650);
        reader.RejectUnknownFields();
        return (logDays ?? defaultDays, noncurrent ?? 30);
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
    private static void ReportProductionAlarms(JsonObjectReader reader, AlarmsConfig alarms)
    {
        foreach (var problem in ProductionPolicy.AlarmProblems(alarms.Emails.Count, alarms.TopicArn is not null))
        {
            reader.Problem(problem.Setting, reader.Has("alarms") ? "no \"email\" and no \"topicArn\"" : "no \"alarms\"", problem.Fix + ProductionNote);
        }
    }

    /// <summary>ProductionPolicy's sign-in rules: settings are "allowPasswordAuth" or "callbackUrls[i]" / "logoutUrls[i]"; the value written is shown.</summary>
    private static void ReportProductionSignIn(JsonObjectReader reader, bool allowPasswordAuth, IReadOnlyList<string> callbacks, IReadOnlyList<string> logouts)
    {
        foreach (var problem in ProductionPolicy.SignInProblems(allowPasswordAuth, callbacks, logouts))
        {
            var parts = problem.Setting.Split('[', ']');
            var value = parts.Length > 1
                ? Quoted((string.Equals(parts[0], "callbackUrls", StringComparison.Ordinal) ? callbacks : logouts)[int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)])
                : "true";
            reader.Problem(problem.Setting, value, problem.Fix + ProductionNote);
        }
    }

    private const string ProductionNote = " (the stage says \"production\": true)";

    private static string Quoted(string value) => "\"" + value + "\"";

    private static List<string> ReadDomains(JsonObjectReader stage) =>
        stage.StringArray("allowedSignUpEmailDomains", DomainPattern(), "use a lower-case domain name such as \"example.com\" (no '@', no scheme).");

    [GeneratedRegex("^[a-z][a-z0-9-]{0,15}$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex StageNamePattern();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex DomainPrefixPattern();

    [GeneratedRegex("^arn:aws[a-z-]*:acm:us-east-1:[0-9]{12}:certificate/[0-9a-f-]{36}$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex CertificateArnPattern();

    [GeneratedRegex("^Z[A-Z0-9]{1,32}$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex HostedZoneIdPattern();

    [GeneratedRegex("^[0-9]{12}$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^arn:aws[a-z-]*:ses:[a-z]{2}(-gov)?-[a-z]+-[0-9]:[0-9]{12}:identity/(?<identity>[^/\\s]+)$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex SesIdentityArnPattern();

    [GeneratedRegex("^[^@\\s<>\"]+@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    internal static partial Regex EmailAddressPattern();

    [GeneratedRegex("^[^<>\"\\r\\n]{1,64}$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex DisplayNamePattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,128}$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex GroupNamePattern();

    [GeneratedRegex("^[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,256}$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex ScopePattern();

    [GeneratedRegex("^[^\\r\\n]{0,2048}$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex GroupDescriptionPattern();

    [GeneratedRegex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex DomainPattern();
}
