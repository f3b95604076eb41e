using IdentityStack.Constructs.Functions;
using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using IdentityStack.Constructs.UserPools;

namespace IdentityStack.Constructs.Triggers;

/// <summary>Options for <see cref="CognitoTriggers"/>.</summary>
public sealed class CognitoTriggersProps
{
    /// <summary>Cognito allows a trigger at most 5 seconds.</summary>
    public static readonly Duration CognitoTimeLimit = Duration.Seconds(5);

    /// <summary>The pool to attach the triggers to.</summary>
    public required SecureUserPool UserPool { get; init; }

    /// <summary>The trigger binary and its CPU (one bootstrap serves all seven handlers).</summary>
    public required NativeAotBinary Binary { get; init; }

    /// <summary>Lower-case email domains allowed to sign up; empty allows any.</summary>
    public IReadOnlyList<string> AllowedEmailDomains { get; init; } = [];

    /// <summary>
    /// Identity provider names whose email addresses count as verified though they send no
    /// <c>email_verified</c> (a provider's <see cref="Federation.FederatedProvider.TrustEmail"/>).
    /// Default none: such users' emails stay unverified.
    /// </summary>
    public IReadOnlyList<string> TrustedEmailProviders { get; init; } = [];

    /// <summary>Scopes each group adds to access tokens.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> GroupScopes { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>Whether the pool sends email through SES (custom messages may then be HTML).</summary>
    public bool SendsEmailThroughSes { get; init; }

    /// <summary>Per-trigger time limit; at most 5 seconds. Default 5 seconds.</summary>
    public Duration Timeout { get; init; } = CognitoTimeLimit;

    /// <summary>What happens to the tables and logs when they leave the stack. Default RETAIN.</summary>
    public RemovalPolicy RemovalPolicy { get; init; } = RemovalPolicy.RETAIN;

    /// <summary>How long trigger logs are kept. Default three months.</summary>
    public RetentionDays LogRetention { get; init; } = RetentionDays.THREE_MONTHS;
}
