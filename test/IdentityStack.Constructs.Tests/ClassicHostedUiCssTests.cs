using IdentityStack.Testing;

namespace IdentityStack.Constructs.Tests;

public sealed class ClassicHostedUiCssTests
{
    [Fact]
    public void Accepted_selectors_comments_and_groups_pass() =>
        Assert.Empty(ClassicHostedUiCss.Problems("""
            /* brand colours, .notAClass in a comment is ignored */
            .banner-customizable, .background-customizable { background: #123; }
            .submitButton-customizable:hover { color: red; }
            """));

    [Fact]
    public void Each_refused_selector_is_named_with_its_line()
    {
        var problems = ClassicHostedUiCss.Problems("""
            .banner-customizable { color: red; }
            body { margin: 0; }
            .submitButton-customizable, .my-button { color: blue; }
            """);

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("line 2: 'body' is not a selector Cognito accepts; use one of .background-customizable", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("line 3: '.my-button' is not a selector Cognito accepts", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_dev_css_is_accepted()
        => Assert.Empty(ClassicHostedUiCss.Problems(File.ReadAllText(RepositoryRoot.File("branding/classic/hosted-ui.css"))));
}
