using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers;

// The binary without the AWS SDK: only the handlers that call no AWS service (_HANDLER picks one).
// "bootstrap --handlers" lists them (./build.sh publish writes handlers.json from it).
var handlers = AwsFreeHandlers.Create(Environment.GetEnvironmentVariable, LambdaOutput.Out, TimeProvider.System);
return await LambdaBootstrap.RunMainAsync(handlers, args, LambdaOutput.Out).ConfigureAwait(false);
