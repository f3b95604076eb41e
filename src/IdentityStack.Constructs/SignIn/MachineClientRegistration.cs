using Amazon.CDK.AWS.Cognito;

namespace IdentityStack.Constructs.SignIn;

/// <summary>
/// A machine client as the token trigger needs to know it: the app client, the tenant it acts for
/// (null for none) and the full names of the scopes its tokens may carry. <see cref="HostedSignIn"/>
/// lists its machine clients this way; <see cref="Triggers.MachineClientRegistry"/> writes them where
/// the trigger reads them.
/// </summary>
public sealed record MachineClientRegistration(IUserPoolClient Client, string? TenantId, IReadOnlyList<string> Scopes);
