namespace IdentityStack.Constructs.SignIn;

/// <summary>A way to start signing in (the user pool's <c>Policies.SignInPolicy.AllowedFirstAuthFactors</c>).</summary>
public enum FirstAuthFactor
{
    /// <summary><c>PASSWORD</c>: username or email and password. Cognito keeps it in every pool.</summary>
    Password,

    /// <summary><c>EMAIL_OTP</c>: a one-time code by email (needs SES sending).</summary>
    EmailOtp,

    /// <summary><c>SMS_OTP</c>: a one-time code by SMS (needs SMS).</summary>
    SmsOtp,

    /// <summary><c>WEB_AUTHN</c>: a passkey (managed login only; the relying party is the sign-in domain).</summary>
    WebAuthn,
}
