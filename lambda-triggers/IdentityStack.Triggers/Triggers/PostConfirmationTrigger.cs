using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Triggers.Contract;
using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers.Directory;

namespace IdentityStack.Triggers.Triggers;

/// <summary>
/// Post confirmation: writes the user's profile once. Cognito retries a trigger up to three times,
/// so the write is conditional and a profile that already exists counts as success.
/// </summary>
internal sealed class PostConfirmationTrigger(IIdentityDirectory directory, TimeProvider time)
{
    public async ValueTask<PostConfirmationEvent> HandleAsync(PostConfirmationEvent e, ILambdaContext context, CancellationToken cancellationToken)
    {
        if (!string.Equals(e.TriggerSource, CognitoTriggerSources.PostConfirmationConfirmSignUp, StringComparison.Ordinal))
        {
            return e; // A confirmed password reset: the profile exists already.
        }

        var sub = e.Request.Attribute(UserAttributeNames.Sub)
            ?? throw new LambdaEventFormatException("The post confirmation event has no 'sub' user attribute.");
        var profile = new UserProfile(
            sub,
            e.UserPoolId,
            e.UserName ?? sub,
            e.Request.Attribute(UserAttributeNames.Email),
            e.Request.Attribute(TenantIdAttributeName.Claim),
            time.GetUtcNow());
        await directory.CreateProfileIfAbsentAsync(profile, cancellationToken).ConfigureAwait(false);
        return e;
    }
}
