using Amazon.CDK;

namespace IdentityStack.Constructs.Monitoring;

/// <summary>Options for <see cref="AlarmNotifications"/>.</summary>
public sealed record AlarmNotificationsProps
{
    /// <summary>Addresses subscribed to the alarm topic (each confirms by email). Default none.</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>An existing SNS topic (a team's paging or chat integration) that also gets every alarm. Default none.</summary>
    public string? ExistingTopicArn { get; init; }

    /// <summary>The topic's display name (the sender name of its emails).</summary>
    public string? DisplayName { get; init; }

    /// <summary>
    /// A production stage: the constructor refuses props without a subscriber (no <see cref="Emails"/>
    /// and no <see cref="ExistingTopicArn"/>), since such alarms reach no one (<see cref="ProductionPolicy.AlarmProblems"/>). Default false.
    /// </summary>
    public bool Production { get; init; }

    /// <summary>What happens to the key when it leaves the stack. Default RETAIN.</summary>
    public RemovalPolicy RemovalPolicy { get; init; } = RemovalPolicy.RETAIN;
}
