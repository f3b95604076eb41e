using IdentityStack.Constructs.Api;
using IdentityStack.Constructs.Backup;
using IdentityStack.Constructs.Federation;
using IdentityStack.Constructs.IdentityPools;
using IdentityStack.Constructs.Monitoring;
using IdentityStack.Constructs.Triggers;
using IdentityStack.Constructs.UserPools;

namespace IdentityStack.App.Configuration;

/// <summary>
/// One stage's settings, read once from <c>cdk.json</c> context <c>stages.{name}</c>: what is truly
/// the app's (name, account, region, CPU, retention) and, for each construct, its options type,
/// which owns the defaults and rules.
/// </summary>
internal sealed record StageConfig
{
    /// <summary>Stage name: dev, staging, prod, ...</summary>
    public required string Name { get; init; }

    /// <summary>Target account; null leaves the stack account-agnostic.</summary>
    public string? Account { get; init; }

    /// <summary>Target region.</summary>
    public required string Region { get; init; }

    /// <summary>The user pool's settings (production, MFA, threat protection, removal, email, SMS, groups).</summary>
    public SecureUserPoolOptions UserPool { get; init; } = new();

    /// <summary>The triggers' settings (allowed sign-up email domains).</summary>
    public CognitoTriggersOptions Triggers { get; init; } = new();

    /// <summary>CPU the platform binary (triggers, API backend, custom resources) runs on.</summary>
    public TriggerArchitecture TriggerArchitecture { get; init; } = TriggerArchitecture.Arm64;

    /// <summary>Days every log group (and the S3 access logs) keeps data: 365 on production stages, 30 elsewhere, unless configured.</summary>
    public int LogRetentionDays { get; init; } = IdentityStack.Constructs.LogRetention.DefaultDays;

    /// <summary>Days replaced or deleted versions of users' files are kept.</summary>
    public int NoncurrentVersionDays { get; init; } = 30;

    /// <summary>Who hears the stage's alarms.</summary>
    public AlarmNotificationsOptions Alarms { get; init; } = new();

    /// <summary>The user directory's scheduled export; null creates none (production stages have one unless they say otherwise).</summary>
    public UserDirectoryBackupOptions? Backup { get; init; }

    /// <summary>External identity providers.</summary>
    public IReadOnlyList<FederatedProvider> Federation { get; init; } = [];

    /// <summary>Hosted sign-in (domain, resource server, app clients); null creates none.</summary>
    public SignInConfig? SignIn { get; init; }

    /// <summary>Identity pool (AWS credentials for users and guests); null creates none.</summary>
    public SecureIdentityPoolOptions? IdentityPool { get; init; }

    /// <summary>JWT-protected HTTP API; null creates none.</summary>
    public JwtProtectedApiOptions? Api { get; init; }

    /// <summary>Whether the stage serves production (ProductionPolicy's rules apply; the template is marked for the gate).</summary>
    public bool Production => UserPool.Production;

    /// <summary>The CloudFormation stack name of this stage.</summary>
    public string StackName => "IdentityStack-" + Name;
}
