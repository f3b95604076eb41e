using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Logs;
using IdentityStack.Constructs.Functions;

namespace IdentityStack.Constructs.Backup;

/// <summary>Options for <see cref="UserDirectoryBackup"/>: the settings of <see cref="UserDirectoryBackupOptions"/> plus the pool, the directory table and the binary.</summary>
public sealed record UserDirectoryBackupProps : UserDirectoryBackupOptions
{
    /// <summary>Props with default settings.</summary>
    public UserDirectoryBackupProps()
    {
    }

    /// <summary>Props with the given settings; set the wiring properties in the initializer.</summary>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public UserDirectoryBackupProps(UserDirectoryBackupOptions options)
        : base(options ?? throw new ArgumentNullException(nameof(options)))
    {
        UserPool = null!;
        DirectoryTable = null!;
        Binary = null!;
    }

    /// <summary>The pool exported (users, groups, memberships).</summary>
    public required IUserPool UserPool { get; init; }

    /// <summary>The directory table exported (USER#, TENANT#, CLIENT# items).</summary>
    public required ITable DirectoryTable { get; init; }

    /// <summary>The platform's Native AOT binary (the one with the AWS SDK), which serves the export.</summary>
    public required NativeAotBinary Binary { get; init; }

    /// <summary>The stage's name, recorded in each manifest; null records none.</summary>
    public string? StageName { get; init; }

    /// <summary>How long the export's and the state machine's logs are kept. Default a year (LogRetention.ConstructDefault).</summary>
    public RetentionDays LogRetention { get; init; } = IdentityStack.Constructs.LogRetention.ConstructDefault;

    /// <summary>What happens to those log groups when they leave the stack. Default RETAIN.</summary>
    public RemovalPolicy LogRemovalPolicy { get; init; } = RemovalPolicy.RETAIN;

    /// <inheritdoc />
    public override IReadOnlyList<PropsProblem> Problems()
    {
        var problems = base.Problems().ToList();
        if (UserPool is null)
        {
            problems.Add(new(nameof(UserPool), "null", "give the pool to export."));
        }

        if (DirectoryTable is null)
        {
            problems.Add(new(nameof(DirectoryTable), "null", "give the triggers' directory table (CognitoTriggers.DirectoryTable)."));
        }

        if (Binary is null)
        {
            problems.Add(new(nameof(Binary), "null", "give the platform's Native AOT binary (NativeAotBinary.FromProject or Prebuilt)."));
        }

        return problems;
    }
}
