using System.Globalization;
using System.Text.RegularExpressions;

namespace IdentityStack.Constructs.SignIn;

/// <summary>
/// Checks CSS for the classic hosted UI: Cognito accepts only its own <c>*-customizable</c> classes
/// and refuses the whole customization otherwise, at deploy time. This finds that at synth time.
/// </summary>
public static partial class ClassicHostedUiCss
{
    /// <summary>The selectors Cognito accepts.</summary>
    public static readonly IReadOnlySet<string> AcceptedSelectors = new HashSet<string>(StringComparer.Ordinal)
    {
        ".background-customizable", ".banner-customizable", ".errorMessage-customizable",
        ".idpButton-customizable", ".idpButton-customizable:hover", ".idpDescription-customizable",
        ".inputField-customizable", ".inputField-customizable:focus", ".label-customizable",
        ".legalText-customizable", ".logo-customizable", ".passwordCheck-valid-customizable",
        ".passwordCheck-notValid-customizable", ".redirect-customizable", ".socialButton-customizable",
        ".submitButton-customizable", ".submitButton-customizable:hover", ".textDescription-customizable",
    };

    /// <summary>One line per selector Cognito would refuse: "line N: 'selector' ...".</summary>
    public static IReadOnlyList<string> Problems(string css)
    {
        ArgumentNullException.ThrowIfNull(css);
        var problems = new List<string>();
        var withoutComments = Comment().Replace(css, m => new string('\n', m.Value.Count(c => c == '\n')));
        foreach (Match rule in Rule().Matches(withoutComments))
        {
            var line = withoutComments[..rule.Index].Count(c => c == '\n') + 1 + rule.Groups["selectors"].Value.TakeWhile(c => c is '\n' or '\r' or ' ' or '\t').Count(c => c == '\n');
            foreach (var selector in rule.Groups["selectors"].Value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0))
            {
                if (!AcceptedSelectors.Contains(selector))
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"line {line}: '{selector}' is not a selector Cognito accepts; use one of {string.Join(", ", AcceptedSelectors.Order(StringComparer.Ordinal))}."));
                }
            }
        }

        return problems;
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline, 1000)]
    private static partial Regex Comment();

    [GeneratedRegex(@"(?<selectors>[^{}]+)\{[^{}]*\}", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex Rule();
}
