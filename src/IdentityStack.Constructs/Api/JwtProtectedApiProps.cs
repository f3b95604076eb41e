using IdentityStack.Constructs.Functions;
using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Lambda;

namespace IdentityStack.Constructs.Api;

/// <summary>
/// Options for <see cref="JwtProtectedApi"/>: the settings of <see cref="JwtProtectedApiOptions"/> plus
/// the pool, clients, binary and table it is wired to. Build it from options with
/// <c>new JwtProtectedApiProps(options) { UserPool = ..., ... }</c>.
/// </summary>
public sealed record JwtProtectedApiProps : JwtProtectedApiOptions
{
    /// <summary>Props with default settings.</summary>
    public JwtProtectedApiProps()
    {
    }

    /// <summary>Props with the given settings; set the wiring properties in the initializer.</summary>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public JwtProtectedApiProps(JwtProtectedApiOptions options)
        : base(options ?? throw new ArgumentNullException(nameof(options)))
    {
        UserPool = null!;
        Clients = [];
        ResourceServerIdentifier = null!;
        Binary = null!;
        DirectoryTable = null!;
    }

    /// <summary>The user pool whose tokens the JWT authorizer accepts (its issuer URL).</summary>
    public required IUserPool UserPool { get; init; }

    /// <summary>App clients allowed to call: the authorizer's audience (checked against <c>aud</c> of ID tokens, <c>client_id</c> of access tokens).</summary>
    public required IReadOnlyList<IUserPoolClient> Clients { get; init; }

    /// <summary>The resource server identifier: routes need "{identifier}/write" and "{identifier}/admin".</summary>
    public required string ResourceServerIdentifier { get; init; }

    /// <summary>The platform's Native AOT binary and its CPU; the backend is its handler "ApiBackend".</summary>
    public required NativeAotBinary Binary { get; init; }

    /// <summary>The directory table GET /admin/users lists (read with Scan only).</summary>
    public required ITable DirectoryTable { get; init; }

    /// <summary>Browser origins allowed by CORS (scheme://host[:port]); default none.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    /// <summary>What happens to the access log group when it leaves the stack. Default RETAIN.</summary>
    public RemovalPolicy LogRemovalPolicy { get; init; } = RemovalPolicy.RETAIN;

    /// <summary>How long the access logs and the backend's logs are kept. Default a year (LogRetention.ConstructDefault).</summary>
    public Amazon.CDK.AWS.Logs.RetentionDays LogRetention { get; init; } = IdentityStack.Constructs.LogRetention.ConstructDefault;

    /// <summary>
    /// Where <see cref="JwtProtectedApiOptions.DeveloperLogin"/> issues identities and whom it checks;
    /// required with it, and without it meaningless. Default null.
    /// </summary>
    public DeveloperIdentityTarget? DeveloperIdentities { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyList<PropsProblem> Problems()
    {
        var problems = base.Problems().ToList();
        if ((DeveloperLogin is null) != (DeveloperIdentities is null))
        {
            problems.Add(DeveloperLogin is null
                ? new(nameof(DeveloperIdentities), "(set)", "it is used only by DeveloperLogin; set DeveloperLogin too, or remove it.")
                : new(nameof(DeveloperIdentities), "null", "DeveloperLogin needs the identity pool id, its developer provider name and the legacy users table."));
        }

        if (UserPool is null)
        {
            problems.Add(new(nameof(UserPool), "null", "give the user pool whose tokens the JWT authorizer accepts."));
        }

        if (Clients is null || Clients.Count == 0)
        {
            problems.Add(new(nameof(Clients), "none", "give at least one app client; they are the JWT authorizer's audience."));
        }

        if (string.IsNullOrWhiteSpace(ResourceServerIdentifier))
        {
            problems.Add(new(nameof(ResourceServerIdentifier), "missing", "give the resource server identifier whose scopes the routes need, e.g. \"my-api\"."));
        }

        if (Binary is null || DirectoryTable is null)
        {
            problems.Add(new(Binary is null ? nameof(Binary) : nameof(DirectoryTable), "null", "give the platform's binary (NativeAotBinary) and the directory table the admin route lists."));
        }

        return problems;
    }
}
