using Amazon.CDK.AWS.Cognito;
using IdentityStack.Constructs.Data;
using IdentityStack.Constructs.UserPools;

namespace IdentityStack.Constructs.IdentityPools;

/// <summary>
/// Options for <see cref="SecureIdentityPool"/>: the settings of <see cref="SecureIdentityPoolOptions"/>
/// plus the user pool, its clients and the data the roles reach. Build it from options with
/// <c>new SecureIdentityPoolProps(options) { UserPool = ..., Clients = ..., Data = ... }</c>.
/// </summary>
public sealed record SecureIdentityPoolProps : SecureIdentityPoolOptions
{
    /// <summary>Props with default settings.</summary>
    public SecureIdentityPoolProps()
    {
    }

    /// <summary>Props with the given settings; set the wiring properties in the initializer.</summary>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public SecureIdentityPoolProps(SecureIdentityPoolOptions options)
        : base(options ?? throw new ArgumentNullException(nameof(options)))
    {
        UserPool = null!;
        Clients = [];
        Data = null!;
    }

    /// <summary>The user pool whose tokens the identity pool accepts (with a server-side token check).</summary>
    public required SecureUserPool UserPool { get; init; }

    /// <summary>The user pool app clients whose ID tokens are accepted; at least one.</summary>
    public required IReadOnlyList<IUserPoolClient> Clients { get; init; }

    /// <summary>The bucket and tables the roles reach.</summary>
    public required UserDataStore Data { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyList<PropsProblem> Problems()
    {
        var problems = base.Problems().ToList();
        if (UserPool is null)
        {
            problems.Add(new(nameof(UserPool), "null", "give the SecureUserPool whose tokens the identity pool accepts."));
        }

        if (Data is null)
        {
            problems.Add(new(nameof(Data), "null", "give the UserDataStore the roles reach."));
        }

        if (Clients is null || Clients.Count == 0)
        {
            problems.Add(new(nameof(Clients), "none", "give at least one user pool app client whose ID tokens the identity pool accepts."));
        }

        if (AdminGroup is { } group && UserPool is not null && !UserPool.Groups.ContainsKey(group))
        {
            problems.Add(new(nameof(AdminGroup), PropsProblem.Quoted(group), $"the user pool has no such group; create it or use one of: {string.Join(", ", UserPool.Groups.Keys)}."));
        }

        return problems;
    }
}
