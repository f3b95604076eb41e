using IdentityStack.App;
using IdentityStack.App.Configuration;

JsiiNodeBanner.Silence();
var app = new Amazon.CDK.App();
try
{
    IdentityPlatformApp.Compose(app);
}
catch (StageConfigException error)
{
    // A configuration mistake is the user's to fix: say what and where, without a stack trace.
    await Console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
    return 1;
}

app.Synth();
return 0;
