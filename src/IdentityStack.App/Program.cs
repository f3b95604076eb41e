using IdentityStack.App;
using IdentityStack.App.Configuration;

// ./build.sh config-reference: docs/reference/ generated from the stage readers (see ConfigReference).
if (args is [ConfigReference.Command])
{
    using var example = System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepositoryLayout.Resolve(ConfigReference.ExampleFile)));
    var folder = RepositoryLayout.Resolve(ConfigReference.Folder);
    Directory.CreateDirectory(folder);
    foreach (var (name, content) in ConfigReference.Generate(ConfigReference.Catalog(example.RootElement.GetProperty("stages"))))
    {
        await File.WriteAllTextAsync(Path.Combine(folder, name), content).ConfigureAwait(false);
        Console.WriteLine("config-reference: wrote " + Path.Combine(ConfigReference.Folder, name));
    }

    return 0;
}

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
