using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IdentityStack.Triggers.Tests;

/// <summary>
/// Each guard of PasswordHash.Verify is what refuses a hash: the hashes below are computed from the
/// right password, so only the guard under test can refuse them (a wrong password would be refused
/// by the final comparison and prove nothing about the guard).
/// </summary>
public sealed class PasswordHashTests
{
    private const string Password = "Legacy-Passw0rd!";

    private static string Hash(int iterations = 10_000, int saltLength = 16, int digestLength = 32, string scheme = "pbkdf2-sha256", string extra = "")
    {
        var salt = RandomNumberGenerator.GetBytes(saltLength);
        var digest = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Password), salt, iterations, HashAlgorithmName.SHA256, digestLength);
        return string.Create(CultureInfo.InvariantCulture, $"{scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(digest)}{extra}");
    }

    [Fact]
    public void The_smallest_accepted_hash_verifies_its_password() =>
        Assert.True(PasswordHash.Verify(Password, Hash(iterations: 10_000, saltLength: 8, digestLength: 16)));

    [Fact]
    public void Fewer_than_10000_iterations_are_refused_though_the_password_is_right() =>
        Assert.False(PasswordHash.Verify(Password, Hash(iterations: 9_999)));

    [Fact]
    public void More_than_ten_million_iterations_are_refused_before_any_work() =>
        Assert.False(PasswordHash.Verify(Password, "pbkdf2-sha256$10000001$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA=="));

    [Fact]
    public void A_salt_under_8_bytes_is_refused_though_the_password_is_right() =>
        Assert.False(PasswordHash.Verify(Password, Hash(saltLength: 7)));

    [Fact]
    public void A_digest_under_16_bytes_is_refused_though_the_password_is_right() =>
        Assert.False(PasswordHash.Verify(Password, Hash(digestLength: 15)));

    [Theory]
    [InlineData("pbkdf2-sha1", "")]
    [InlineData("PBKDF2-SHA256", "")]
    [InlineData("pbkdf2-sha256", "$extra")]
    public void Another_scheme_label_or_a_fifth_part_is_refused_though_the_password_is_right(string scheme, string extra) =>
        Assert.False(PasswordHash.Verify(Password, Hash(scheme: scheme, extra: extra)));

    [Theory]
    [InlineData("pbkdf2-sha256$+10000$c2FsdHNhbHQ=$aGFzaA==")]
    [InlineData("pbkdf2-sha256$10 000$c2FsdHNhbHQ=$aGFzaA==")]
    public void Iterations_are_plain_digits(string stored) =>
        Assert.False(PasswordHash.Verify(Password, stored));

    [Fact]
    public void A_new_hash_has_the_default_work_factor_a_16_byte_salt_and_a_32_byte_digest()
    {
        var parts = PasswordHash.Create(Password, 10_000).Split('$');

        Assert.Equal("pbkdf2-sha256", parts[0]);
        Assert.Equal("10000", parts[1]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
        Assert.StartsWith("pbkdf2-sha256$210000$", PasswordHash.Create(Password), StringComparison.Ordinal);
    }
}
