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

    /// <summary>How long the providers' tenant lists may be, encoded, in the triggers' environment (Lambda allows 4 KB for all variables).</summary>
    public const int MaxProviderTenantsLength = 2048;

    /// <summary>The pool to attach the triggers to.</summary>
    public required SecureUserPool UserPool { get; init; }

    /// <summary>The trigger binary and its CPU (one bootstrap serves all seven handlers).</summary>
    public required NativeAotBinary Binary { get; init; }

    /// <summary>
    /// The pool's external identity providers, whose tenant and email settings the triggers apply:
    /// the tenants each may assert or its fixed tenant, whether its addresses count as verified
    /// without <c>email_verified</c>, whether the allow-list applies to its users. Default none.
    /// </summary>
    public IReadOnlyList<Federation.FederatedProvider> FederatedProviders { get; init; } = [];

    /// <summary>What happens to the tables and logs when they leave the stack. Default RETAIN.</summary>
    public RemovalPolicy RemovalPolicy { get; init; } = RemovalPolicy.RETAIN;

    /// <summary>How long trigger logs are kept. Default a year (LogRetention.ConstructDefault).</summary>
    public RetentionDays LogRetention { get; init; } = IdentityStack.Constructs.LogRetention.ConstructDefault;

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

        var providers = FederatedProviders ?? [];
        problems.AddRange(PropsProblem.OfNamedItems(
            nameof(FederatedProviders),
            providers,
            p => p.Problems(),
            p => p.Name,
            "remove the null entry.",
            "each provider once; provider names are unique in a pool."));
        problems.AddRange(Federation.FederatedEmailRules.Problems(nameof(FederatedProviders), AllowedEmailDomains, providers));
        var tenantLists = CognitoTriggers.ProviderTenantsSetting(providers.Where(p => p is not null));
        if (tenantLists.Length > MaxProviderTenantsLength)
        {
            problems.Add(new(nameof(FederatedProviders), tenantLists.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters of tenant lists",
                $"the providers' tenant lists travel to the triggers in their environment, which Lambda caps at 4 KB in all: keep them under {MaxProviderTenantsLength} characters (use a fixed tenant per provider where a provider serves one tenant)."));
        }

        return problems;
    }
}
