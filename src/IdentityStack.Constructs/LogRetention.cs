using Amazon.CDK.AWS.Logs;

namespace IdentityStack.Constructs;

/// <summary>
/// CloudWatch Logs retention as a number of days, limited to the values CloudWatch accepts. The
/// platform keeps 365 days on production stages and 30 elsewhere unless told otherwise: no log group
/// keeps data forever without saying so.
/// </summary>
public static class LogRetention
{
    /// <summary>Retention of production stages' logs (and of their S3 access logs).</summary>
    public const int ProductionDays = 365;

    /// <summary>Retention of other stages' logs.</summary>
    public const int DefaultDays = 30;

    /// <summary>
    /// What a construct of the library keeps when its props say nothing: a year, which the template
    /// gate's production rules and AWS Control Tower's CT.CLOUDWATCH.PR.2 require, so a consumer's
    /// stack that takes the defaults passes them. Shorter retention is a choice a stage makes.
    /// </summary>
    public const RetentionDays ConstructDefault = RetentionDays.ONE_YEAR;

    private static readonly Dictionary<int, RetentionDays> ByDays = new()
    {
        [1] = RetentionDays.ONE_DAY, [3] = RetentionDays.THREE_DAYS, [5] = RetentionDays.FIVE_DAYS, [7] = RetentionDays.ONE_WEEK,
        [14] = RetentionDays.TWO_WEEKS, [30] = RetentionDays.ONE_MONTH, [60] = RetentionDays.TWO_MONTHS, [90] = RetentionDays.THREE_MONTHS,
        [120] = RetentionDays.FOUR_MONTHS, [150] = RetentionDays.FIVE_MONTHS, [180] = RetentionDays.SIX_MONTHS, [365] = RetentionDays.ONE_YEAR,
        [400] = RetentionDays.THIRTEEN_MONTHS, [545] = RetentionDays.EIGHTEEN_MONTHS, [731] = RetentionDays.TWO_YEARS, [1096] = RetentionDays.THREE_YEARS,
        [1827] = RetentionDays.FIVE_YEARS, [2192] = RetentionDays.SIX_YEARS, [2557] = RetentionDays.SEVEN_YEARS, [2922] = RetentionDays.EIGHT_YEARS,
        [3288] = RetentionDays.NINE_YEARS, [3653] = RetentionDays.TEN_YEARS,
    };

    /// <summary>The day counts CloudWatch accepts, ascending.</summary>
    public static IReadOnlyList<int> AcceptedDays { get; } = [.. ByDays.Keys.Order()];

    /// <summary>The retention for <paramref name="days"/>; throws naming the accepted values when CloudWatch has no such retention.</summary>
    public static RetentionDays FromDays(int days) =>
        ByDays.TryGetValue(days, out var retention)
            ? retention
            : throw new ArgumentOutOfRangeException(nameof(days), days, "CloudWatch Logs keeps logs for one of " + string.Join(", ", AcceptedDays) + " days.");
}
