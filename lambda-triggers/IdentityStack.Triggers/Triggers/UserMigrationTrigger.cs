using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Triggers.Contract;
using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers.Directory;

namespace IdentityStack.Triggers.Triggers;

/// <summary>
/// User migration: a user the pool does not know signs in (their legacy password is checked and
/// they are imported confirmed, silently) or asks for a password reset (they are imported and must
/// reset). An unknown user and a wrong password get the same answer, in the same time. An imported
/// user's legacy item is marked migrated, so the legacy password opens nothing else (the API's
/// developer login refuses it); that mark fails open: the import goes on, and the log says so.
/// </summary>
/// <remarks>
/// Cognito's rule (developer guide, "Managing error responses",
/// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html):
/// with PreventUserExistenceErrors ENABLED, "with user migration Lambda trigger, Cognito will return
/// a simulated response for non existing users when an empty response was returned by the Lambda
/// trigger". So a user who is not imported gets the event back with an empty response: Cognito then
/// answers NotAuthorizedException "Incorrect username or password." for a sign-in and a simulated
/// "code sent" for a password reset, exactly as for a user who exists nowhere. Throwing instead
/// would reach the client as UserLambdaValidationException, which tells a legacy user apart.
/// </remarks>
internal sealed class UserMigrationTrigger(ILegacyUserStore store, Func<string, string, bool> verifyPassword, TimeProvider time, TextWriter log)
{
    public const string Confirmed = "CONFIRMED";
    public const string ResetRequired = "RESET_REQUIRED";
    public const string Suppress = "SUPPRESS";

    public UserMigrationTrigger(ILegacyUserStore store, TimeProvider time, TextWriter log)
        : this(store, PasswordHash.Verify, time, log)
    {
    }

    public async ValueTask<UserMigrationEvent> HandleAsync(UserMigrationEvent e, ILambdaContext context, CancellationToken cancellationToken)
    {
        var userName = e.UserName ?? throw new LambdaEventFormatException("The user migration event has no userName.");
        if (!string.Equals(e.TriggerSource, CognitoTriggerSources.UserMigrationAuthentication, StringComparison.Ordinal)
            && !string.Equals(e.TriggerSource, CognitoTriggerSources.UserMigrationForgotPassword, StringComparison.Ordinal))
        {
            throw new LambdaEventFormatException($"The user migration trigger does not handle trigger source '{e.TriggerSource}'.");
        }

        // Fails closed: a legacy store that cannot answer within the budget imports nobody.
        using var budget = InvocationBudget.For(context, cancellationToken);
        var user = await store.FindAsync(userName, budget.Token).ConfigureAwait(false);
        string? status = null;
        if (string.Equals(e.TriggerSource, CognitoTriggerSources.UserMigrationAuthentication, StringComparison.Ordinal))
        {
            // The PBKDF2 work runs whether or not the user exists: against the dummy hash when not.
            var matches = verifyPassword(e.Request.Password ?? string.Empty, user?.PasswordHash ?? PasswordHash.NoUser);
            status = user is not null && e.Request.Password is not null && matches ? Confirmed : null;
        }
        else if (user is not null)
        {
            status = ResetRequired;
        }

        if (user is null || status is null)
        {
            return NotImported(e);
        }

        try
        {
            await store.MarkMigratedAsync(user.UserName, time.GetUtcNow(), budget.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            await log.WriteLineAsync(TriggerErrorLog.Line(TriggerErrorLog.Warning, TriggerHandlerNames.UserMigration, context.RequestId, error, "legacy user not marked migrated; imported anyway")).ConfigureAwait(false);
        }

        return Import(e, user, status);
    }

    private static UserMigrationEvent Import(UserMigrationEvent e, LegacyUser user, string status)
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
        return e;
    }

    /// <summary>The event with an empty response: Cognito answers as for a user that does not exist.</summary>
    private static UserMigrationEvent NotImported(UserMigrationEvent e)
    {
        e.Response = new UserMigrationResponse();
        return e;
    }
}
