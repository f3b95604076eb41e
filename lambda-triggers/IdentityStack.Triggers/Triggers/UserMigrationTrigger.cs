using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Triggers.Contract;
using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers.Directory;

namespace IdentityStack.Triggers.Triggers;

/// <summary>
/// User migration: a user the pool does not know signs in (their legacy password is checked and
/// they are imported confirmed, silently) or asks for a password reset (they are imported and must
/// reset). Unknown users and wrong passwords get the same answer.
/// </summary>
internal sealed class UserMigrationTrigger(ILegacyUserStore store)
{
    public const string Confirmed = "CONFIRMED";
    public const string ResetRequired = "RESET_REQUIRED";
    public const string Suppress = "SUPPRESS";
    private const string NotFound = "Incorrect username or password.";

    public async ValueTask<UserMigrationEvent> HandleAsync(UserMigrationEvent e, ILambdaContext context, CancellationToken cancellationToken)
    {
        var userName = e.UserName ?? throw new LambdaEventFormatException("The user migration event has no userName.");
        var user = await store.FindAsync(userName, cancellationToken).ConfigureAwait(false);
        switch (e.TriggerSource)
        {
            case CognitoTriggerSources.UserMigrationAuthentication:
                if (user is null || e.Request.Password is null || !PasswordHash.Verify(e.Request.Password, user.PasswordHash))
                {
                    throw new TriggerRejectedException(NotFound);
                }

                Import(e, user, Confirmed);
                return e;
            case CognitoTriggerSources.UserMigrationForgotPassword:
                Import(e, user ?? throw new TriggerRejectedException(NotFound), ResetRequired);
                return e;
            default:
                throw new LambdaEventFormatException($"The user migration trigger does not handle trigger source '{e.TriggerSource}'.");
        }
    }

    private static void Import(UserMigrationEvent e, LegacyUser user, string status)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [UserAttributeNames.Email] = user.Email,
            [UserAttributeNames.EmailVerified] = user.EmailVerified ? "true" : "false",
        };
        if (user.TenantId is not null)
        {
            attributes[TenantIdAttributeName.Claim] = user.TenantId;
        }

        e.Response.UserAttributes = attributes;
        e.Response.FinalUserStatus = status;
        e.Response.MessageAction = Suppress;
    }
}
