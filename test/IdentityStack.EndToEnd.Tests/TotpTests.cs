using IdentityStack.EndToEnd.Tests.Cognito;
using IdentityStack.Testing;

namespace IdentityStack.EndToEnd.Tests;

public sealed class TotpTests
{
    // RFC 6238 appendix B, SHA-1 secret "12345678901234567890" (base32 below), last six digits.
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(2000000000, "279037")]
    public void Codes_match_the_rfc_6238_vectors(long unixSeconds, string code) =>
        Assert.Equal(code, Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
}
