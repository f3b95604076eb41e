using System.Security.Cryptography;

namespace IdentityStack.UserDirectory.Restore;

/// <summary>
/// The throwaway password a restored user is created with: 32 random characters with every class a
/// password policy can ask for. Nobody is told it and nothing stores it; the user sets their own
/// through "Forgot password".
/// </summary>
public static class RestorePasswords
{
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Symbols = "!#$%&*+-=?@^_";

    /// <summary>A new random password.</summary>
    public static string Create()
    {
        const string all = Lower + Upper + Digits + Symbols;
        var characters = new char[32];
        characters[0] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        characters[1] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        characters[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        characters[3] = Symbols[RandomNumberGenerator.GetInt32(Symbols.Length)];
        for (var i = 4; i < characters.Length; i++)
        {
            characters[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(characters.AsSpan());
        return new string(characters);
    }
}
