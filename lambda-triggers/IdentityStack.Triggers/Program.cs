using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers;
using IdentityStack.Triggers.Directory;

// One Native AOT binary serves every trigger; the function's handler setting (_HANDLER) picks one.
var handlers = TriggerRegistry.Create(
    Environment.GetEnvironmentVariable,
    DynamoDbClientSettings.CreateClient,
    Console.Out,
    TimeProvider.System);

using var api = LambdaRuntimeApiClient.FromEnvironment();
return await new LambdaBootstrap(handlers, api).RunAsync(
    Environment.GetEnvironmentVariable(LambdaBootstrap.HandlerVariable),
    CancellationToken.None).ConfigureAwait(false);
