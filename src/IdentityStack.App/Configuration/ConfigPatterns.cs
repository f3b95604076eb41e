using System.Text.RegularExpressions;

namespace IdentityStack.App.Configuration;

/// <summary>Patterns more than one section reader checks against: one home each, with one regex time-out.</summary>
internal static partial class ConfigPatterns
{
    /// <summary>The time a configuration regex may take before the value counts as not matching.</summary>
    public const int RegexTimeoutMilliseconds = 100;

    /// <summary>An email address (SES senders, reply-to): the construct library's pattern.</summary>
    public static Regex EmailAddress() => IdentityStack.Constructs.EmailAddressPattern.Regex();

    /// <summary>A lower-case DNS name (custom domains, hosted zones, allowed email domains): the contract's pattern, which the triggers check too.</summary>
    public static Regex Domain() => IdentityStack.Triggers.Contract.TriggerSettingFormats.Domain();

    /// <summary>A user pool group name as Cognito takes it: 1-128 letters, digits, '_', '.' or '-' (groups and every reference to one).</summary>
    [GeneratedRegex("^[A-Za-z0-9_.-]{1,128}$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    public static partial Regex GroupName();
}
