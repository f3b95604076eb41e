namespace IdentityStack.Constructs.UserPools;

/// <summary>
/// Send the pool's email through an Amazon SES verified identity instead of Cognito's default
/// sender (which is limited to a few dozen messages a day).
/// </summary>
/// <param name="IdentityArn">ARN of the verified SES identity, e.g. <c>arn:aws:ses:eu-west-1:123456789012:identity/example.com</c>.</param>
/// <param name="FromAddress">Sender address; must belong to the identity.</param>
/// <param name="FromName">Optional display name for the sender.</param>
/// <param name="ReplyToAddress">Optional reply-to address.</param>
public sealed record SesEmailSettings(string IdentityArn, string FromAddress, string? FromName = null, string? ReplyToAddress = null)
{
    /// <summary>The <c>From</c> header Cognito sends: <c>Name &lt;address&gt;</c> or the bare address.</summary>
    public string FromHeader => string.IsNullOrWhiteSpace(FromName) ? FromAddress : $"{FromName} <{FromAddress}>";
}
