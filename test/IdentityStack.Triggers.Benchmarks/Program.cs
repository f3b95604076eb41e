using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using IdentityStack.Testing;
using IdentityStack.Triggers.Benchmarks;
using IdentityStack.Triggers.Contract;

// Usage: IdentityStack.Triggers.Benchmarks --handlers <handlers.json> --floor <C floor binary> --jit <bootstrap.dll> [--rounds N] [--cold-only]
// Prints the figures as Markdown tables and one verdict line against the targets (BenchTargets); exit 1 when a target is missed.
const string Usage = "usage: IdentityStack.Triggers.Benchmarks --handlers <handlers.json> --floor <C floor binary> --jit <bootstrap.dll> [--rounds N] [--cold-only]";
var options = BenchOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
    return 2;
}

foreach (var (flag, path) in new[] { ("--handlers", options.HandlersJson), ("--floor", options.Floor), ("--jit", options.Jit) })
{
    if (!File.Exists(path))
    {
        await Console.Error.WriteLineAsync($"{flag} {path}: no such file; ./build.sh bench builds and publishes everything it needs.").ConfigureAwait(false);
        return 2;
    }
}

IReadOnlyDictionary<string, string> binaries;
try
{
    binaries = HandlerBinaries.Read(options.HandlersJson);
}
catch (Exception error) when (error is System.Text.Json.JsonException or InvalidDataException)
{
    await Console.Error.WriteLineAsync($"--handlers {options.HandlersJson}: not a map of handler names to binaries ({error.Message}); run ./build.sh publish to write it again.").ConfigureAwait(false);
    return 2;
}

var unknown = binaries.Keys.Where(h => !HandlerScenarios.All.Any(s => string.Equals(s.Handler, h, StringComparison.Ordinal)) && !HandlerScenarios.NotMeasured.ContainsKey(h)).ToList();
if (unknown.Count > 0)
{
    await Console.Error.WriteLineAsync($"handlers.json names handlers the benchmark has no scenario for: {string.Join(", ", unknown)}. Add them to HandlerScenarios (or NotMeasured, with the reason).").ConfigureAwait(false);
    return 2;
}

string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", name));

await using var dynamo = new RecordingDynamoDb();
var floorPayload = Fixture("custom-message-sign-up.json");
var floor = new Contender("floor: C Runtime API loop", options.Floor, () => LambdaProcessStart.For(options.Floor, string.Empty, "floor"), floorPayload, null);
var contenders = new List<Contender> { floor };
foreach (var scenario in HandlerScenarios.All)
{
    if (!binaries.TryGetValue(scenario.Handler, out var binary))
    {
        await Console.Error.WriteLineAsync($"handlers.json names no binary for {scenario.Handler}: run ./build.sh publish.").ConfigureAwait(false);
        return 2;
    }

    var environment = scenario.Environment.Append(KeyValuePair.Create("AWS_ENDPOINT_URL_DYNAMODB", dynamo.Url)).ToList();
    contenders.Add(new Contender(scenario.Handler, binary, () => LambdaProcessStart.For(binary, string.Empty, scenario.Handler, environment), Fixture(scenario.Fixture), scenario));
}

var jitScenario = HandlerScenarios.All.Single(s => string.Equals(s.Handler, TriggerHandlerNames.CustomMessage, StringComparison.Ordinal));
var jit = new Contender(
    $"{jitScenario.Handler} on the JIT",
    options.Jit,
    () =>
    {
        var start = LambdaProcessStart.For("dotnet", string.Empty, jitScenario.Handler, jitScenario.Environment);
        start.ArgumentList.Add(options.Jit);
        return start;
    },
    Fixture(jitScenario.Fixture),
    jitScenario);
contenders.Add(jit);

Console.WriteLine($"cold start: {options.Rounds} rounds; each round starts the floor, every handler on the binary handlers.json names and custom message on the JIT, in a shuffled order; spawn -> first response posted (loopback Runtime API; DynamoDB on loopback HTTP, no TLS)");
Dictionary<Contender, List<ColdStart.Sample>> samples;
var instructions = new Dictionary<Contender, long>();
try
{
    samples = await ColdStartRounds.RunAsync(contenders, dynamo, options.Rounds).ConfigureAwait(false);
    if (OperatingSystem.IsLinux() && InstructionCount.Available)
    {
        Console.WriteLine("instructions: each native start once more under valgrind's callgrind, exec to exit (the same on every run)");
        foreach (var contender in contenders.Where(c => c != jit))
        {
            instructions[contender] = await InstructionCount.MeasureAsync(contender, dynamo).ConfigureAwait(false);
        }
    }
}
catch (InvalidOperationException failed)
{
    // A start that did not answer as its scenario expects gives no figure: say which and why.
    await Console.Error.WriteLineAsync("bench: " + failed.Message).ConfigureAwait(false);
    return 2;
}

var report = new BenchReport(samples, instructions, floor, jit, binaries);
report.PrintColdStart(Console.Out);
report.PrintBinaries(Console.Out);

if (!options.ColdOnly)
{
    Console.WriteLine("warm: one invocation per trigger (BenchmarkDotNet, in-memory stores)");
    var summary = BenchmarkRunner.Run<WarmInvocation>(DefaultConfig.Instance.WithOptions(ConfigOptions.DisableLogFile).WithArtifactsPath(Path.Combine(Path.GetTempPath(), "identitystack-bench")));
    report.AddWarm(summary.Reports.ToDictionary(
        r => (string)r.BenchmarkCase.Parameters["Trigger"],
        r => r.ResultStatistics?.Median / 1000.0 ?? double.NaN,
        StringComparer.Ordinal));
    report.PrintWarm(Console.Out);
}

var failures = report.Failures();
Console.WriteLine(failures.Count == 0
    ? "verdict: PASS: " + report.Summary()
    : "verdict: FAIL: " + string.Join("; ", failures));
return failures.Count == 0 ? 0 : 1;
