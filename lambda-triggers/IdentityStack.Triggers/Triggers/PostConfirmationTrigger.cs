using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Triggers.Contract;
using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers.Directory;

namespace IdentityStack.Triggers.Triggers;

/// <summary>
/// Post confirmation: writes the user's profile once. Cognito retries a trigger up to three times,
/// so the write is conditional and a profile that already exists counts as success. Fails open: the
/// user is confirmed whatever happens here, so a directory that cannot answer within the
/// invocation's budget is logged (WARN) and the confirmation goes on; the profile is written at the
/// user's first token issue instead (pre token generation writes a missing one).
/// </summary>
internal sealed class PostConfirmationTrigger(TriggerSettings settings, IIdentityDirectory directory, TimeProvider time, TextWriter log)
{
    public async ValueTask<PostConfirmationEvent> HandleAsync(PostConfirmationEvent e, ILambdaContext context, CancellationToken cancellationToken)
    {
        if (!string.Equals(e.TriggerSource, CognitoTriggerSources.PostConfirmationConfirmSignUp, StringComparison.Ordinal))
        {
            return e; // A confirmed password reset: the profile exists already.
        }

        // Fails open here too: a tenant the provider may not assert leaves the profile without one
        // (pre sign-up and pre token generation refuse that user anyway).
        var tenant = UserTenant.OrNone(settings, UserOrigin.ProviderOf(e.UserName, e.Request), e.Request);
        var profile = UserProfile.Of(e.UserPoolId, e.UserName, e.Request, tenant, time.GetUtcNow())
            ?? throw new LambdaEventFormatException("The post confirmation event has no 'sub' user attribute.");
        using var budget = InvocationBudget.For(context, cancellationToken);
        try
        {
            await directory.CreateProfileIfAbsentAsync(profile, budget.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            await log.WriteLineAsync(TriggerErrorLog.Line(TriggerErrorLog.Warning, TriggerHandlerNames.PostConfirmation, context.RequestId, error, "profile not written; confirmation goes on")).ConfigureAwait(false);
        }

        return e;
    }
}
