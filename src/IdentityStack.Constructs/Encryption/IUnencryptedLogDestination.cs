namespace IdentityStack.Constructs.Encryption;

/// <summary>
/// A construct whose log groups an AWS service writes to only when they are not KMS-encrypted.
/// <see cref="LogEncryption.EncryptEveryLogGroup"/> leaves the log groups under such a construct as
/// they are, so that encrypting a stack's logs never breaks a delivery the service would refuse.
/// </summary>
public interface IUnencryptedLogDestination
{
    /// <summary>Why the service needs the log group unencrypted, with the page that says so.</summary>
    string WhyUnencrypted { get; }
}
