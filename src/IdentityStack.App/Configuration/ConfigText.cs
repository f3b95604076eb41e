using System.Buffers;
using System.Globalization;

namespace IdentityStack.App.Configuration;

/// <summary>
/// What any text in the stage configuration must be, whatever its field: values end up in a
/// CloudFormation template, in AWS API calls and in messages, so control characters, text longer
/// than any Cognito setting takes, and CloudFormation dynamic references (<c>{{resolve:...}}</c>,
/// which CloudFormation would replace with a secret or parameter at deploy time) are refused
/// before any field's own pattern is tried.
/// </summary>
internal static class ConfigText
{
    /// <summary>Longer than any string setting of Cognito, IAM or API Gateway that the configuration feeds.</summary>
    public const int MaxLength = 2048;

    private const string DynamicReferenceStart = "{{resolve:";

    /// <summary>Unicode category Cc: C0 controls, DEL and C1 controls.</summary>
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), '\u007F', .. Enumerable.Range(0x80, 0x20).Select(c => (char)c)]);

    /// <summary>Why <paramref name="text"/> is refused in any field, or null when it is acceptable text.</summary>
    public static string? Refusal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            return $"text of {text.Length} characters is longer than any setting takes (at most {MaxLength}).";
        }

        var control = text.AsSpan().IndexOfAny(ControlCharacters);
        if (control >= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"it contains the control character U+{(int)text[control]:X4}; remove it.");
        }

        if (text.Contains(DynamicReferenceStart, StringComparison.OrdinalIgnoreCase))
        {
            return "CloudFormation would read '{{resolve:...}}' as a dynamic reference and put a secret or parameter there at deploy time; write the value itself (secrets are named by their Secrets Manager ARN in the fields made for them).";
        }

        return null;
    }
}
