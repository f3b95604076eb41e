using IdentityStack.App;
using IdentityStack.App.Configuration;

try
{
    var app = new Amazon.CDK.App();
    IdentityPlatformApp.Compose(app);
    app.Synth();
    return 0;
}
catch (StageConfigException error)
{
    // A configuration mistake is the user's to fix: say what and where, without a stack trace.
    await Console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
    return 1;
}
#pragma warning disable CA1031 // The one place that catches everything: whatever fails, the person running synth gets a message, never a crash dump.
catch (Exception error)
#pragma warning restore CA1031
{
    await Console.Error.WriteLineAsync("IdentityStack: synthesis failed: " + SynthesisFailure.Describe(error)).ConfigureAwait(false);
    return 1;
}
