using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IdentityStack.Triggers.Directory;

/// <summary>
/// Legacy password hashes: <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt base64&gt;$&lt;hash base64&gt;</c>,
/// verified with <see cref="Rfc2898DeriveBytes.Pbkdf2(string, byte[], int, HashAlgorithmName, int)"/> in constant time.
/// </summary>
internal static class PasswordHash
{
    private const string Scheme = "pbkdf2-sha256";
    private const int MinimumIterations = 10_000;
    private const int MaximumIterations = 10_000_000;

    /// <summary>The work factor of new hashes (OWASP's 2023 figure for PBKDF2-HMAC-SHA256).</summary>
    public const int DefaultIterations = 210_000;

    /// <summary>
    /// A well-formed hash with <see cref="DefaultIterations"/> that no known password matches (random
    /// salt and digest). Verifying against it when a user is missing costs the same PBKDF2 work as a
    /// wrong password, so the time to answer does not tell whether the user exists.
    /// </summary>
    public const string NoUser = "pbkdf2-sha256$210000$wcQsLPFGuNsNQv8n9BzWDQ==$c42LcWq3965if2WO7o1qZoi3KSIV6ZxkHlPT3/GIGRM=";

    /// <summary>A hash of <paramref name="password"/> in the stored format (for seeding legacy data and tests).</summary>
    public static string Create(string password, int iterations = DefaultIterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>Whether <paramref name="password"/> matches; a malformed stored hash never matches.</summary>
    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || !string.Equals(parts[0], Scheme, StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations < MinimumIterations)
        {
            return false;
        }

        // Stryker disable once Equality : only the edge (exactly ten million iterations, accepted) tells > from >=, and one such hash costs seconds of PBKDF2; the bound itself is tested with 10,000,001.
        if (iterations > MaximumIterations)
        {
            return false;
        }

        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        if (salt.Length < 8 || expected.Length < 16)
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
