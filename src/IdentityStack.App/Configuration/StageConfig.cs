using IdentityStack.Constructs.Api;
using IdentityStack.Constructs.IdentityPools;
using IdentityStack.Constructs.Monitoring;
using IdentityStack.Constructs.UserPools;

namespace IdentityStack.App.Configuration;

/// <summary>One stage's validated settings, read once from <c>cdk.json</c> context <c>stages.{name}</c>.</summary>
internal sealed record StageConfig
{
    /// <summary>Stage name: dev, staging, prod, ...</summary>
    public required string Name { get; init; }

    /// <summary>Target account; null leaves the stack account-agnostic.</summary>
    public string? Account { get; init; }

    /// <summary>Whether the stage serves production (ProductionPolicy's rules apply; the template is marked for the gate).</summary>
    public bool Production { get; init; }

    /// <summary>Days every log group (and the S3 access logs) keeps data: 365 on production stages, 30 elsewhere, unless configured.</summary>
    public int LogRetentionDays { get; init; } = IdentityStack.Constructs.LogRetention.DefaultDays;

    /// <summary>Days replaced or deleted versions of users' files are kept.</summary>
    public int NoncurrentVersionDays { get; init; } = 30;

    /// <summary>Who hears the stage's alarms.</summary>
    public AlarmNotificationsOptions Alarms { get; init; } = new();

    /// <summary>Target region.</summary>
    public required string Region { get; init; }

    /// <summary>Whether anyone may sign up.</summary>
    public bool SelfSignUp { get; init; }

    /// <summary>Second-factor policy.</summary>
    public MfaEnforcement Mfa { get; init; } = MfaEnforcement.Required;

    /// <summary>Threat protection mode.</summary>
    public ThreatProtectionMode ThreatProtection { get; init; } = ThreatProtectionMode.Enforced;

    /// <summary>Refuse pool deletion while set.</summary>
    public bool DeletionProtection { get; init; } = true;

    /// <summary>What happens to the pool when it leaves the stack.</summary>
    public StageRemovalPolicy RemovalPolicy { get; init; } = StageRemovalPolicy.Retain;

    /// <summary>SES sending; null means Cognito's default sender.</summary>
    public SesEmailSettings? Email { get; init; }

    /// <summary>Whether Cognito may send SMS.</summary>
    public bool Sms { get; init; }

    /// <summary>Groups to create.</summary>
    public IReadOnlyList<UserPoolGroupDefinition> Groups { get; init; } = [];

    /// <summary>Scopes each group adds to access tokens (from <c>groups[].scopes</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> GroupScopes { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>CPU the trigger functions run on.</summary>
    public TriggerArchitecture TriggerArchitecture { get; init; } = TriggerArchitecture.Arm64;

    /// <summary>External identity providers.</summary>
    public IReadOnlyList<IdentityStack.Constructs.Federation.FederatedProvider> Federation { get; init; } = [];

    /// <summary>Hosted sign-in (domain, resource server, app clients); null creates none.</summary>
    public SignInConfig? SignIn { get; init; }

    /// <summary>Identity pool (AWS credentials for users and guests); null creates none.</summary>
    public SecureIdentityPoolOptions? IdentityPool { get; init; }

    /// <summary>JWT-protected HTTP API; null creates none.</summary>
    public JwtProtectedApiOptions? Api { get; init; }

    /// <summary>Email domains allowed to sign up; empty allows any.</summary>
    public IReadOnlyList<string> AllowedSignUpEmailDomains { get; init; } = [];

    /// <summary>The CloudFormation stack name of this stage.</summary>
    public string StackName => "IdentityStack-" + Name;
}
