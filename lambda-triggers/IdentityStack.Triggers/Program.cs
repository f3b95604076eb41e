using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers;
using IdentityStack.Triggers.Directory;

// The full binary serves every handler; the function's handler setting (_HANDLER) picks one.
// "bootstrap --handlers" lists them (./build.sh publish writes handlers.json from it).
var handlers = TriggerRegistry.Create(
    Environment.GetEnvironmentVariable,
    DynamoDbClientSettings.CreateClient,
    LambdaOutput.Out,
    TimeProvider.System);
return await LambdaBootstrap.RunMainAsync(handlers, args, LambdaOutput.Out).ConfigureAwait(false);
