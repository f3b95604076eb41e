namespace IdentityStack.Constructs.UserPools;

/// <summary>
/// Options for <see cref="SecureUserPool"/>: the settings of <see cref="SecureUserPoolOptions"/> plus
/// the pool's name. Build it from options with <c>new SecureUserPoolProps(options) { UserPoolName = ... }</c>.
/// </summary>
public sealed record SecureUserPoolProps : SecureUserPoolOptions
{
    /// <summary>Props with default settings.</summary>
    public SecureUserPoolProps()
    {
    }

    /// <summary>Props with the given settings; set the name in the initializer.</summary>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public SecureUserPoolProps(SecureUserPoolOptions options)
        : base(options ?? throw new ArgumentNullException(nameof(options)))
    {
        UserPoolName = null!;
    }

    /// <summary>Pool name shown in the console, e.g. <c>identity-prod</c>.</summary>
    public required string UserPoolName { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyList<PropsProblem> Problems()
    {
        var problems = base.Problems().ToList();
        if (string.IsNullOrWhiteSpace(UserPoolName))
        {
            problems.Add(new(nameof(UserPoolName), PropsProblem.Quoted(UserPoolName), "give the pool a name such as \"identity-dev\"."));
        }

        return problems;
    }
}
