using Amazon.CDK.AWS.Cognito;
using IdentityStack.Constructs.UserPools;

namespace IdentityStack.Constructs.SignIn;

/// <summary>
/// Options for <see cref="HostedSignIn"/>: the settings of <see cref="HostedSignInOptions"/> plus the
/// pool, the external providers the clients offer, the binary that sets a classic logo and the log
/// retention of that custom resource. Build it from options with
/// <c>new HostedSignInProps(options) { UserPool = ..., IdentityProviders = ... }</c>.
/// </summary>
public sealed record HostedSignInProps : HostedSignInOptions
{
    /// <summary>Props with default settings.</summary>
    public HostedSignInProps()
    {
    }

    /// <summary>Props with the given settings; set the wiring properties in the initializer.</summary>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public HostedSignInProps(HostedSignInOptions options)
        : base(options ?? throw new ArgumentNullException(nameof(options)))
    {
        UserPool = null!;
    }

    /// <summary>The pool the domain, resource server and clients belong to (a <see cref="SecureUserPool"/>'s <c>UserPool</c>, or any other).</summary>
    public required IUserPool UserPool { get; init; }

    /// <summary>External providers the SPA and server clients offer besides Cognito; the clients depend on them. Default none.</summary>
    public IReadOnlyList<IUserPoolIdentityProvider> IdentityProviders { get; init; } = [];

    /// <summary>The platform's Native AOT binary and its CPU (as for the triggers), which serves the classic logo's custom resource.</summary>
    public Functions.NativeAotBinary? CustomizationBinary { get; init; }

    /// <summary>How long the classic UI custom resource's logs are kept. Default a year (LogRetention.ConstructDefault).</summary>
    public Amazon.CDK.AWS.Logs.RetentionDays LogRetention { get; init; } = IdentityStack.Constructs.LogRetention.ConstructDefault;

    /// <inheritdoc/>
    public override IReadOnlyList<PropsProblem> Problems()
    {
        var problems = base.Problems().ToList();
        if (UserPool is null)
        {
            problems.Add(new(nameof(UserPool), "null", "give the user pool the domain, resource server and clients belong to."));
        }

        if (FirstAuthFactorRules.IsChoiceBased(FirstFactors))
        {
            if (UserPool?.Node.DefaultChild is not CfnUserPool)
            {
                problems.Add(new(nameof(UserPool), "(a pool without its CloudFormation resource)", "choice-based sign-in sets the pool's sign-in policy: give a user pool defined in this app."));
            }
            else if (UserPool.Node.Scope is SecureUserPool secure)
            {
                // A SecureUserPool says what it can send; another pool's settings are its owner's to check.
                problems.AddRange(FirstAuthFactorRules.PoolProblems(nameof(FirstFactors), FirstFactors, secure.SendsEmailThroughSes, secure.SmsRole is not null));
            }
        }

        if (Ui == HostedUiStyle.Classic && ClassicLogo is not null && CustomizationBinary is null)
        {
            problems.Add(new(nameof(CustomizationBinary), "null", "ClassicLogo needs the platform's Native AOT binary: CloudFormation cannot set a logo, a custom resource does."));
        }

        return problems;
    }
}
