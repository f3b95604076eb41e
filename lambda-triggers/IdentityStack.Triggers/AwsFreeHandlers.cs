using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers.Contract;
using IdentityStack.Triggers.Messages;
using IdentityStack.Triggers.Triggers;

namespace IdentityStack.Triggers;

/// <summary>
/// The handlers that call no AWS service (<see cref="TriggerHandlerNames.WithoutAws"/>): pre sign-up,
/// post authentication and custom message. Compiled into both binaries: the full one serves them
/// with every other handler, the one without the AWS SDK serves only these.
/// </summary>
internal static class AwsFreeHandlers
{
    private static readonly CognitoEventsJsonContext Json = CognitoEventsJsonContext.Default;

    public static IReadOnlyDictionary<string, Func<ILambdaHandler>> Create(Func<string, string?> environment, TextWriter output, TimeProvider time)
    {
        TriggerSettings Settings() => TriggerSettings.FromEnvironment(environment);

        // What Cognito users see of a trigger's failure is only what a trigger deliberately says.
        ILambdaHandler UserFacing(string trigger, ILambdaHandler handler) => new UserFacingErrors(trigger, handler, output);

        return new Dictionary<string, Func<ILambdaHandler>>(StringComparer.Ordinal)
        {
            [TriggerHandlerNames.PreSignUp] = () => UserFacing(
                TriggerHandlerNames.PreSignUp, Handler(Json.PreSignUpEvent, new PreSignUpTrigger(Settings()).HandleAsync)),
            [TriggerHandlerNames.PostAuthentication] = () => UserFacing(
                TriggerHandlerNames.PostAuthentication, Handler(Json.PostAuthenticationEvent, new PostAuthenticationTrigger(Settings(), output, time).HandleAsync)),
            [TriggerHandlerNames.CustomMessage] = () => UserFacing(
                TriggerHandlerNames.CustomMessage, Handler(Json.CustomMessageEvent, new CustomMessageTrigger(MessageCatalog.LoadEmbedded(), Settings()).HandleAsync)),
        };
    }

    /// <summary>A handler that returns the whole event the trigger filled in.</summary>
    public static JsonLambdaHandler<TEvent, TEvent> Handler<TEvent>(
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<TEvent> type,
        Func<TEvent, ILambdaContext, CancellationToken, ValueTask<TEvent>> handle) => new(type, type, handle);
}
