using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Triggers.Contract;
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

        var sub = e.Request.Attribute(UserAttributeNames.Sub);
        var tenant = e.Request.Attribute(TenantIdAttributeName.Claim);
        var disabled = sub is null ? Task.FromResult(false) : directory.IsUserDisabledAsync(sub, cancellationToken);
        var suspended = tenant is null ? Task.FromResult(false) : directory.IsTenantSuspendedAsync(tenant, cancellationToken);
        await Task.WhenAll(disabled, suspended).ConfigureAwait(false);

        if (await disabled.ConfigureAwait(false))
        {
            throw new TriggerRejectedException("This account is disabled. Contact your administrator.");
        }

        if (await suspended.ConfigureAwait(false))
        {
            throw new TriggerRejectedException("Your organisation's access is suspended. Contact your administrator.");
        }

        return e;
    }
}
