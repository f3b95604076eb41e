using Amazon.DynamoDBv2;
using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers.Api;
using IdentityStack.Triggers.Backup;
using IdentityStack.Triggers.Cognito;
using IdentityStack.Triggers.Contract;
using IdentityStack.Triggers.CustomResources;
using IdentityStack.Triggers.Directory;
using IdentityStack.Triggers.Messages;
using IdentityStack.Triggers.Triggers;

namespace IdentityStack.Triggers;

/// <summary>
/// Builds each trigger's handler on demand, so a function creates only what its own trigger needs
/// (no DynamoDB client for the custom message function, for example). A missing or malformed
/// setting surfaces as an init error naming the variable. The handlers that call no AWS service
/// come from <see cref="AwsFreeHandlers"/>, which the binary without the AWS SDK serves alone.
/// </summary>
internal static class TriggerRegistry
{
    private static readonly CognitoEventsJsonContext Json = CognitoEventsJsonContext.Default;

    /// <summary>One HTTP client for the process, made only by the handlers that call out over HTTP.</summary>
    private static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient { Timeout = TimeSpan.FromSeconds(20) });

    /// <summary>The handlers, with the stores backed by DynamoDB.</summary>
    public static IReadOnlyDictionary<string, Func<ILambdaHandler>> Create(
        Func<string, string?> environment,
        Func<IAmazonDynamoDB> dynamoDb,
        TextWriter output,
        TimeProvider time) =>
        Create(
            environment,
            settings => new DynamoDbIdentityDirectory(dynamoDb(), TriggerSettings.Require(settings.DirectoryTable, TriggerEnvironment.DirectoryTable)),
            settings => new DynamoDbLegacyUserStore(dynamoDb(), TriggerSettings.Require(settings.LegacyUsersTable, TriggerEnvironment.LegacyUsersTable)),
            output,
            time,
            () => UserDirectoryExportHandler.Create(environment, dynamoDb, SharedHttp.Value, output, time));

    /// <summary>The handlers, with the given stores (created only for the triggers that use them).</summary>
    public static IReadOnlyDictionary<string, Func<ILambdaHandler>> Create(
        Func<string, string?> environment,
        Func<TriggerSettings, IIdentityDirectory> directory,
        Func<TriggerSettings, ILegacyUserStore> legacyUsers,
        TextWriter output,
        TimeProvider time,
        Func<ILambdaHandler>? userDirectoryExport = null)
    {
        TriggerSettings Settings() => TriggerSettings.FromEnvironment(environment);

        // What Cognito users see of a trigger's failure is only what a trigger deliberately says.
        ILambdaHandler UserFacing(string trigger, ILambdaHandler handler) => new UserFacingErrors(trigger, handler, output);

        var handlers = new Dictionary<string, Func<ILambdaHandler>>(AwsFreeHandlers.Create(environment, output, time), StringComparer.Ordinal)
        {
            [TriggerHandlerNames.PostConfirmation] = () => UserFacing(
                TriggerHandlerNames.PostConfirmation, Handler(Json.PostConfirmationEvent, new PostConfirmationTrigger(Settings(), directory(Settings()), time, output).HandleAsync)),
            [TriggerHandlerNames.PreAuthentication] = () => UserFacing(
                TriggerHandlerNames.PreAuthentication, Handler(Json.PreAuthenticationEvent, new PreAuthenticationTrigger(Settings(), directory(Settings())).HandleAsync)),
            [TriggerHandlerNames.PreTokenGeneration] = () =>
            {
                var settings = Settings();
                var trigger = new PreTokenGenerationTrigger(settings, directory(settings), time, output);
                return UserFacing(TriggerHandlerNames.PreTokenGeneration, new EventVersionDispatch(
                    Handler(Json.PreTokenGenerationEvent, trigger.HandleV1Async),
                    Handler(Json.PreTokenGenerationV2Event, trigger.HandleV2Async),
                    Handler(Json.PreTokenGenerationV3Event, trigger.HandleV3Async)));
            },
            [TriggerHandlerNames.UserMigration] = () => UserFacing(
                TriggerHandlerNames.UserMigration, Handler(Json.UserMigrationEvent, new UserMigrationTrigger(legacyUsers(Settings()), time, output).HandleAsync)),
            [ApiHandlerNames.Backend] = () => new ApiBackend(
                TriggerSettings.Require(environment(ApiEnvironment.ResourceServer), ApiEnvironment.ResourceServer),
                TriggerSettings.Require(environment(ApiEnvironment.AdminGroup), ApiEnvironment.AdminGroup),
                () => directory(Settings()) as IUserListing ?? throw new InvalidOperationException("The directory store cannot list users."),
                time),
            [ApiHandlerNames.DeveloperLogin] = () => new DeveloperLoginHandler(DeveloperLoginFrom(
                environment,
                Settings(),
                () => legacyUsers(Settings()),
                () => directory(Settings()) as IDeveloperLoginDirectory ?? throw new InvalidOperationException("The directory store cannot keep login attempts."),
                time,
                output)),
            [CustomResourceHandlerNames.ClassicUiCustomization] = () =>
                new ClassicUiCustomizationHandler(CognitoUiCustomizationClient.FromEnvironment(SharedHttp.Value, environment), SharedHttp.Value, output, CloudFormationResponseUrls.FromEnvironment(environment)),
            [CustomResourceHandlerNames.MachineClientRegistration] = () =>
                new MachineClientRegistrationHandler(() => directory(Settings()) as IMachineClientRegistry ?? throw new InvalidOperationException("The directory store cannot register machine clients."), SharedHttp.Value, output, CloudFormationResponseUrls.FromEnvironment(environment)),
        };
        if (userDirectoryExport is not null)
        {
            handlers[OperationsHandlerNames.UserDirectoryExport] = userDirectoryExport;
        }

        return handlers;
    }

    /// <summary>The developer login from its function's environment; an init error names a missing or malformed variable.</summary>
    private static DeveloperLogin DeveloperLoginFrom(Func<string, string?> environment, TriggerSettings rules, Func<ILegacyUserStore> legacyUsers, Func<IDeveloperLoginDirectory> directory, TimeProvider time, TextWriter output)
    {
        var seconds = environment(ApiEnvironment.DeveloperTokenSeconds);
        if (!int.TryParse(seconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var tokenSeconds) || tokenSeconds is < 1 or > 86400)
        {
            throw new InvalidOperationException($"{ApiEnvironment.DeveloperTokenSeconds} is '{seconds}'; set whole seconds from 1 to 86400.");
        }

        var settings = new DeveloperLoginSettings(
            TriggerSettings.Require(environment(ApiEnvironment.IdentityPoolId), ApiEnvironment.IdentityPoolId),
            TriggerSettings.Require(environment(ApiEnvironment.DeveloperProviderName), ApiEnvironment.DeveloperProviderName),
            TimeSpan.FromSeconds(tokenSeconds));
        var identity = new CognitoIdentityClient(CognitoJsonClient.FromEnvironment(SharedHttp.Value, environment, CognitoIdentityClient.Service, CognitoIdentityClient.EndpointVariable));
        return new DeveloperLogin(legacyUsers, directory, identity, settings, rules, time, output);
    }

    private static JsonLambdaHandler<TEvent, TEvent> Handler<TEvent>(
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<TEvent> type,
        Func<TEvent, ILambdaContext, CancellationToken, ValueTask<TEvent>> handle) => AwsFreeHandlers.Handler(type, handle);
}
