using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Logs;
using IdentityStack.Constructs.Functions;
using IdentityStack.Constructs.SignIn;

namespace IdentityStack.Constructs.Triggers;

/// <summary>Options for <see cref="MachineClientRegistry"/>.</summary>
public sealed record MachineClientRegistryProps
{
    /// <summary>The directory table the pre token generation trigger reads (<see cref="CognitoTriggers.DirectoryTable"/>).</summary>
    public required ITable DirectoryTable { get; init; }

    /// <summary>The platform's Native AOT binary, which serves the registration custom resource.</summary>
    public required NativeAotBinary Binary { get; init; }

    /// <summary>The machine clients to register (<see cref="HostedSignIn.MachineClientRegistrations"/>); at least one.</summary>
    public required IReadOnlyList<MachineClientRegistration> Clients { get; init; }

    /// <summary>How long the custom resource's logs are kept. Default a year (LogRetention.ConstructDefault).</summary>
    public RetentionDays LogRetention { get; init; } = IdentityStack.Constructs.LogRetention.ConstructDefault;

    /// <summary>What happens to its log group when it leaves the stack. Default RETAIN.</summary>
    public RemovalPolicy LogRemovalPolicy { get; init; } = RemovalPolicy.RETAIN;

    /// <summary>Every problem of these props (empty when there are none).</summary>
    public IReadOnlyList<PropsProblem> Problems()
    {
        var problems = new List<PropsProblem>();
        if (DirectoryTable is null)
        {
            problems.Add(new(nameof(DirectoryTable), "null", "give the triggers' directory table (CognitoTriggers.DirectoryTable)."));
        }

        if (Binary is null)
        {
            problems.Add(new(nameof(Binary), "null", "give the platform's Native AOT binary (NativeAotBinary.FromProject or FromBootstrap)."));
        }

        if (Clients is null || Clients.Count == 0)
        {
            problems.Add(new(nameof(Clients), "none", "give the machine clients to register (HostedSignIn.MachineClientRegistrations)."));
            return problems;
        }

        for (var i = 0; i < Clients.Count; i++)
        {
            var at = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{nameof(Clients)}[{i}]");
            if (Clients[i] is not { Client: not null, Scopes.Count: > 0 } client)
            {
                problems.Add(new(at, "(no client or no scopes)", "give the app client and the full names of the scopes its tokens may carry."));
            }
            else if (client.TenantId is not null && !IdentityStack.Triggers.Contract.TriggerSettingFormats.TenantId().IsMatch(client.TenantId))
            {
                problems.Add(new(at + ".TenantId", PropsProblem.Quoted(client.TenantId), $"use {IdentityStack.Triggers.Contract.TriggerSettingFormats.TenantIdShape}, or null."));
            }
        }

        return problems;
    }
}
