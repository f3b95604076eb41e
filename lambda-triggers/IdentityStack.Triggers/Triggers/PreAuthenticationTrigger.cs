using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers.Directory;

namespace IdentityStack.Triggers.Triggers;

/// <summary>
/// Pre authentication: refuses sign-in for disabled users and for users of a suspended tenant.
/// Fails closed: when the directory cannot answer within the invocation's budget, sign-in is refused
/// (with the generic message), because letting a suspended user in is worse than a retry.
/// </summary>
internal sealed class PreAuthenticationTrigger(TriggerSettings settings, IIdentityDirectory directory)
{
    public async ValueTask<PreAuthenticationEvent> HandleAsync(PreAuthenticationEvent e, ILambdaContext context, CancellationToken cancellationToken)
    {
        if (e.Request.UserNotFound)
        {
            return e; // Let Cognito answer as for a wrong password: say nothing about who exists.
        }

        var tenant = UserTenant.Of(settings, UserOrigin.ProviderOf(e.UserName, e.Request), e.Request);
        using var budget = InvocationBudget.For(context, cancellationToken);
        await AccountAccess.RefuseIfBlockedAsync(directory, e.Request, tenant, budget.Token).ConfigureAwait(false);
        return e;
    }
}
