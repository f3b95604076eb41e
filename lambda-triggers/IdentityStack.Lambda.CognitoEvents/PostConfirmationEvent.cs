namespace IdentityStack.Lambda.CognitoEvents;

/// <summary>Post confirmation: after a user confirmed sign-up (or a forgotten-password reset).</summary>
public sealed class PostConfirmationEvent : CognitoTriggerEvent<PostConfirmationRequest, EmptyTriggerResponse>;

/// <summary>The request of <see cref="PostConfirmationEvent"/>.</summary>
public sealed class PostConfirmationRequest : CognitoTriggerRequest;
