using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers;
using IdentityStack.Triggers.Directory;

// One Native AOT binary serves every trigger; the function's handler setting (_HANDLER) picks one.
var handlers = TriggerRegistry.Create(
    Environment.GetEnvironmentVariable,
    DynamoDbClientSettings.CreateClient,
    Console.Out,
    TimeProvider.System);

// "bootstrap --handlers" lists what this binary serves (./build.sh publish writes handlers.json from it).
if (args is [LambdaBootstrap.ListHandlersArgument])
{
    Console.WriteLine(string.Join('\n', handlers.Keys.Order(StringComparer.Ordinal)));
    return 0;
}

using var api = LambdaRuntimeApiClient.FromEnvironment();
return await new LambdaBootstrap(handlers, api).RunAsync(
    Environment.GetEnvironmentVariable(LambdaBootstrap.HandlerVariable),
    CancellationToken.None).ConfigureAwait(false);
