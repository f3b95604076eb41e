using IdentityStack.Constructs.Functions;
using Amazon.CDK;
using Amazon.CDK.AWS.Logs;
using IdentityStack.Constructs.UserPools;

namespace IdentityStack.Constructs.Triggers;

/// <summary>
/// Options for <see cref="CognitoTriggers"/>: the settings of <see cref="CognitoTriggersOptions"/> plus
/// the pool, the binary and where data and logs go. The scopes each group adds and whether custom
/// messages may be HTML come from the pool (<see cref="SecureUserPool.GroupDefinitions"/>,
/// <see cref="SecureUserPool.SendsEmailThroughSes"/>).
/// </summary>
public sealed record CognitoTriggersProps : CognitoTriggersOptions
{
    /// <summary>Props with default settings.</summary>
    public CognitoTriggersProps()
    {
    }

    /// <summary>Props with the given settings; set the wiring properties in the initializer.</summary>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public CognitoTriggersProps(CognitoTriggersOptions options)
        : base(options ?? throw new ArgumentNullException(nameof(options)))
    {
        UserPool = null!;
        Binary = null!;
    }

    /// <summary>The pool to attach the triggers to.</summary>
    public required SecureUserPool UserPool { get; init; }

    /// <summary>The trigger binary and its CPU (one bootstrap serves all seven handlers).</summary>
    public required NativeAotBinary Binary { get; init; }

    /// <summary>
    /// Identity provider names whose email addresses count as verified though they send no
    /// <c>email_verified</c> (a provider's <see cref="Federation.FederatedProvider.TrustEmail"/>).
    /// Default none: such users' emails stay unverified.
    /// </summary>
    public IReadOnlyList<string> TrustedEmailProviders { get; init; } = [];

    /// <summary>What happens to the tables and logs when they leave the stack. Default RETAIN.</summary>
    public RemovalPolicy RemovalPolicy { get; init; } = RemovalPolicy.RETAIN;

    /// <summary>How long trigger logs are kept. Default three months.</summary>
    public RetentionDays LogRetention { get; init; } = RetentionDays.THREE_MONTHS;

    /// <inheritdoc/>
    public override IReadOnlyList<PropsProblem> Problems()
    {
        var problems = base.Problems().ToList();
        if (UserPool is null)
        {
            problems.Add(new(nameof(UserPool), "null", "give the SecureUserPool the triggers attach to."));
        }

        if (Binary is null)
        {
            problems.Add(new(nameof(Binary), "null", "give the platform's Native AOT binary (NativeAotBinary.FromProject or FromBootstrap)."));
        }

        return problems;
    }
}
