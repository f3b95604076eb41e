using System.Text.RegularExpressions;

namespace IdentityStack.Triggers.Contract;

/// <summary>
/// How values travel from the CDK to the binary in <see cref="TriggerEnvironment"/> variables: the
/// CDK encodes with these, the binary parses with these, so the two cannot drift apart.
/// </summary>
public static partial class TriggerSettingFormats
{
    /// <summary>
    /// How long a pattern of a single setting may take before the value counts as not matching: one
    /// time-out for every such pattern (the CDK's props, the app's configuration, the binary's settings).
    /// </summary>
    public const int RegexTimeoutMilliseconds = 100;

    private const char ListSeparator = ',';
    private const char EntrySeparator = ';';
    private const char NameSeparator = '=';

    /// <summary><see cref="TriggerEnvironment.EmailSender"/> when the pool sends through SES.</summary>
    public const string SesSender = "SES";

    /// <summary><see cref="TriggerEnvironment.EmailSender"/> when Cognito's default sender sends (the default).</summary>
    public const string CognitoSender = "COGNITO";

    /// <summary>A comma-separated list (email domains, provider names).</summary>
    public static string EncodeList(IEnumerable<string> values) => string.Join(ListSeparator, values);

    /// <summary>The items of a comma-separated list, trimmed, without empty ones.</summary>
    public static IReadOnlyList<string> ParseList(string? value) => Split(value, ListSeparator);

    /// <summary>
    /// Lists by name, <c>name=item,item;name=item</c>: the scopes each group adds, the tenants each
    /// identity provider may assert, a provider's fixed tenant.
    /// </summary>
    public static string EncodeNamedLists(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> lists) =>
        string.Join(EntrySeparator, lists.Select(g => g.Key + NameSeparator + EncodeList(g.Value)));

    /// <summary>
    /// Parses <see cref="EncodeNamedLists"/>: every well-formed entry into <paramref name="lists"/>,
    /// every malformed one (no name, no item, an item <paramref name="isItem"/> refuses, a name given
    /// twice, as <paramref name="names"/> compares them) into the returned list (empty when all are well formed).
    /// </summary>
    public static IReadOnlyList<string> ParseNamedLists(string? value, Func<string, bool> isItem, out IReadOnlyDictionary<string, IReadOnlyList<string>> lists, StringComparer? names = null)
    {
        ArgumentNullException.ThrowIfNull(isItem);
        var parsed = new Dictionary<string, IReadOnlyList<string>>(names ?? StringComparer.Ordinal);
        var malformed = new List<string>();
        foreach (var entry in Split(value, EntrySeparator))
        {
            var parts = entry.Split(NameSeparator, 2, StringSplitOptions.TrimEntries);
            var items = parts.Length == 2 ? ParseList(parts[1]) : [];
            if (parts.Length != 2 || parts[0].Length == 0 || items.Count == 0 || !items.All(isItem) || !parsed.TryAdd(parts[0], items))
            {
                malformed.Add(entry);
            }
        }

        lists = parsed;
        return malformed;
    }

    /// <summary>The <see cref="TriggerEnvironment.EmailSender"/> value for a pool that does or does not send through SES.</summary>
    public static string EncodeEmailSender(bool throughSes) => throughSes ? SesSender : CognitoSender;

    /// <summary>A lower-case DNS name such as <c>example.com</c>: what an allowed email domain must be, on both sides.</summary>
    [GeneratedRegex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    public static partial Regex Domain();

    /// <summary>An OAuth scope as Cognito takes it (printable ASCII without space, '"' or a backslash), e.g. <c>identitystack/admin</c>.</summary>
    [GeneratedRegex("^[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,256}$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    public static partial Regex Scope();

    /// <summary>
    /// A tenant id the platform writes itself (machine clients' tenants): a letter or digit, then
    /// letters, digits, '.', '_' or '-', at most <see cref="TenantIdAttributeName.MaxLength"/> characters.
    /// </summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    public static partial Regex TenantId();

    /// <summary>What <see cref="TenantId"/> takes, as refusals say it.</summary>
    public const string TenantIdShape = "a letter or digit, then letters, digits, '.', '_' or '-', at most 64 characters";

    private static List<string> Split(string? value, char separator) =>
        string.IsNullOrWhiteSpace(value) ? [] : [.. value.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
