using Amazon.CDK;

namespace IdentityStack.Constructs.Monitoring;

/// <summary>
/// Options for <see cref="AlarmNotifications"/>: the subscribers of <see cref="AlarmNotificationsOptions"/>
/// plus how the topic is made. Build it from options with <c>new AlarmNotificationsProps(options) { ... }</c>.
/// </summary>
public sealed record AlarmNotificationsProps : AlarmNotificationsOptions
{
    /// <summary>Props with no subscribers.</summary>
    public AlarmNotificationsProps()
    {
    }

    /// <summary>Props with the given subscribers.</summary>
    public AlarmNotificationsProps(AlarmNotificationsOptions options)
        : base(options ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>The topic's display name (the sender name of its emails).</summary>
    public string? DisplayName { get; init; }

    /// <summary>What happens to the key when it leaves the stack. Default RETAIN.</summary>
    public RemovalPolicy RemovalPolicy { get; init; } = RemovalPolicy.RETAIN;
}
