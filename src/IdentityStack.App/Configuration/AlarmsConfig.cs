namespace IdentityStack.App.Configuration;

/// <summary>Where a stage's alarms go (<c>stages.{name}.alarms</c>): email subscribers and/or an existing SNS topic.</summary>
internal sealed record AlarmsConfig(IReadOnlyList<string> Emails, string? TopicArn)
{
    /// <summary>No subscribers: the stage's topic exists (and every alarm publishes to it) but nobody is subscribed yet; refused on production stages.</summary>
    public static AlarmsConfig None { get; } = new([], null);
}
