using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers.Directory;

namespace IdentityStack.Triggers.Triggers;

/// <summary>Pre authentication: refuses sign-in for disabled users and for users of a suspended tenant.</summary>
internal sealed class PreAuthenticationTrigger(IIdentityDirectory directory)
{
    public async ValueTask<PreAuthenticationEvent> HandleAsync(PreAuthenticationEvent e, ILambdaContext context, CancellationToken cancellationToken)
    {
        if (e.Request.UserNotFound)
        {
            return e; // Let Cognito answer as for a wrong password: say nothing about who exists.
        }

        await AccountAccess.RefuseIfBlockedAsync(directory, e.Request, cancellationToken).ConfigureAwait(false);
        return e;
    }
}
