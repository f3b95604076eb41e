using IdentityStack.Smoke;

return await SmokeProgram.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable).ConfigureAwait(false);
