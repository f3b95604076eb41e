namespace IdentityStack.Constructs.UserPools;

/// <summary>A second factor users may set up (the user pool's <c>EnabledMfas</c>).</summary>
public enum MfaFactor
{
    /// <summary><c>SOFTWARE_TOKEN_MFA</c>: an authenticator app (TOTP).</summary>
    Totp,

    /// <summary><c>SMS_MFA</c>: a code by SMS (needs SMS).</summary>
    Sms,

    /// <summary><c>EMAIL_OTP</c>: a code by email (needs SES sending; Essentials tier or higher).</summary>
    Email,
}
