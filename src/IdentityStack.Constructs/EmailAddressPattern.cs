using System.Text.RegularExpressions;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Constructs;

/// <summary>What the platform accepts as an email address (alarm subscribers, SES senders): one home for the pattern.</summary>
public static partial class EmailAddressPattern
{
    /// <summary>A local part without spaces, '@', angle brackets or quotes, at a domain with a top-level label.</summary>
    [GeneratedRegex("^[^@\\s<>\"]+@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    public static partial Regex Regex();
}
