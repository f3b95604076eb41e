namespace IdentityStack.Constructs.SignIn;

/// <summary>Whether a passkey must verify its user (PIN, biometrics): the user pool's <c>WebAuthnUserVerification</c>.</summary>
public enum PasskeyUserVerification
{
    /// <summary><c>required</c>: only authenticators that verify the user. The default.</summary>
    Required,

    /// <summary><c>preferred</c>: verification is asked for, not demanded.</summary>
    Preferred,
}
