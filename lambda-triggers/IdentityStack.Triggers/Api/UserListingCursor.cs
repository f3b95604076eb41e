using System.Buffers.Text;
using System.Text;
using System.Text.RegularExpressions;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Triggers.Api;

/// <summary>
/// Where the next page of the admin listing starts: the directory key of the last user of the page
/// before, as an opaque base64url string. It carries no tenant: the next page is always read from
/// the caller's own tenant, so a cursor cannot lead into another tenant's users.
/// </summary>
internal sealed partial record UserListingCursor(string LastUserKey)
{
    /// <summary>The cursor as the client sees and sends it back.</summary>
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(LastUserKey));

    /// <summary>The cursor a client sent, or null when it is not one this API made.</summary>
    public static UserListingCursor? TryDecode(string text)
    {
        // Stryker disable once Logical,Equality : an early refusal before any decoding; an empty or over-long text fails the key pattern after decoding anyway (a key of at most 133 bytes encodes in at most 180 characters).
        if (string.IsNullOrEmpty(text) || text.Length > 256 || !Base64Url.IsValid(text))
        {
            return null;
        }

        var key = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
        return UserKeyPattern().IsMatch(key) ? new UserListingCursor(key) : null;
    }

    [GeneratedRegex("^" + DirectoryKeys.UserPrefix + "[A-Za-z0-9-]{1,128}$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    private static partial Regex UserKeyPattern();
}
