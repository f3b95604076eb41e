using IdentityStack.Testing;

namespace IdentityStack.Constructs.Tests;

public sealed class ClassicHostedUiLogoTests
{
    [Fact]
    public void The_repository_logo_is_a_png_cognito_takes()
        => Assert.Empty(new ClassicHostedUiLogo { Content = File.ReadAllBytes(RepositoryRoot.File("branding/classic/logo.png")) }.Problems());

    [Fact]
    public void A_jpeg_is_taken_and_an_svg_is_not()
    {
        Assert.Empty(new ClassicHostedUiLogo { Content = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16 } }.Problems());

        var problem = Assert.Single(new ClassicHostedUiLogo { Content = "<svg/>"u8.ToArray() }.Problems());

        Assert.Equal("the logo is not a PNG or JPEG image; the classic hosted UI takes only those.", problem);
    }

    [Fact]
    public void A_logo_over_100_kb_is_refused()
    {
        var big = new byte[ClassicHostedUiLogo.MaxBytes + 1];
        big[0] = 0xFF;
        big[1] = 0xD8;
        big[2] = 0xFF;

        Assert.StartsWith("the logo has 102401 bytes; Cognito takes at most 102400", Assert.Single(new ClassicHostedUiLogo { Content = big }.Problems()), StringComparison.Ordinal);
    }
}
