using System.Diagnostics;
using System.Text.Json.Nodes;

namespace IdentityStack.App.Tests;

/// <summary>Runs the real app process the way the CDK CLI does (context in CDK_CONTEXT_JSON).</summary>
public sealed class ProgramTests
{
    [Fact]
    public async Task Bad_configuration_exits_1_with_one_line_per_problem_and_no_stack_trace()
    {
        var (exitCode, stdout, stderr) = await RunAppAsync("""
            { "stage": "prod", "stages": { "prod": { "region": "mars", "mfa": "SOMETIMES" } } }
            """);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, stdout.Trim());
        Assert.Contains("stages.prod.region = \"mars\": use an AWS region code", stderr, StringComparison.Ordinal);
        Assert.Contains("stages.prod.mfa = \"SOMETIMES\": use one of OFF, OPTIONAL, REQUIRED.", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_stage_exits_1_naming_the_valid_stages()
    {
        var (exitCode, _, stderr) = await RunAppAsync("""
            { "stage": "qa", "stages": { "dev": { "region": "eu-west-1" }, "prod": { "region": "eu-west-1" } } }
            """);

        Assert.Equal(1, exitCode);
        Assert.Contains("stage = \"qa\": unknown stage; valid stages are dev, prod (or 'all')", stderr, StringComparison.Ordinal);
    }

    private const string LoneSurrogate = "@@lone-surrogate@@";

    /// <summary>The dev stage of the real cdk.json with one change, as the context the CLI would pass.</summary>
    private static string DevContextWith(Action<JsonObject> change)
    {
        var context = JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("cdk.json")))!["context"]!.AsObject();
        context["stage"] = "dev";
        change(context["stages"]!["dev"]!.AsObject());
        // System.Text.Json will not write an unpaired surrogate, so one is spliced in as an escape.
        return context.ToJsonString().Replace("\"" + LoneSurrogate + "\"", "\"\\ud800\"", StringComparison.Ordinal);
    }

    /// <summary>Stack frames or a crash dump in what the app printed.</summary>
    private static void AssertNoCrashOutput(string stderr)
    {
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("jsii", stderr, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<string, string> HostileStageValues => new()
    {
        // jsii cannot carry a null inside an array into .NET: this used to abort the app (exit 134).
        { """{ "signIn": { "callbackUrls": [null] } }""", "stages.dev.signIn.callbackUrls[0] = null: use an absolute https URL" },
        { """{ "groups": [ { "name": "admins", "precedence": 0, "scopes": [null] } ] }""", "stages.dev.groups[0].scopes[0] = null: use \"read\", \"write\" or \"admin\"" },
        { """{ "allowedSignUpEmailDomains": ["example.com", null] }""", "stages.dev.allowedSignUpEmailDomains[1] = null: use a lower-case domain name" },
        { """{ "federation": [ { "type": "Google", "name": "Google", "clientId": "{{resolve:secretsmanager:google:SecretString:id}}", "clientSecretArn": "arn:aws:secretsmanager:eu-west-1:111111111111:secret:g-AbCdEf" } ] }""",
          "stages.dev.federation[0].clientId = \"{{resolve:secretsmanager:google:SecretString:id}}\": CloudFormation would read '{{resolve:...}}' as a dynamic reference" },
        { """{ "federation": [ { "type": "Google", "name": "Google", "clientId": "abc\u0007def", "clientSecretArn": "arn:aws:secretsmanager:eu-west-1:111111111111:secret:g-AbCdEf" } ] }""",
          "stages.dev.federation[0].clientId = \"abc\\u0007def\": it contains the control character U+0007" },
        { """{ "signIn": { "identityProviders": ["@@lone-surrogate@@"] } }""", "stages.dev.signIn.identityProviders[0] = \"\\ud800\": the text is not valid Unicode" },
        { """{ "groups": [ { "name": null, "precedence": 0 } ] }""", "stages.dev.groups[0].name = missing: use 1-128 letters" },
    };

    [Theory]
    [MemberData(nameof(HostileStageValues))]
    public async Task Hostile_values_in_a_stage_end_in_a_clean_refusal_naming_the_field(string overrides, string expected)
    {
        var context = DevContextWith(dev =>
        {
            foreach (var (field, value) in JsonNode.Parse(overrides)!.AsObject().ToList())
            {
                dev[field] = value is JsonObject patch && dev[field] is JsonObject existing ? Merge(existing, patch) : value?.DeepClone();
            }
        });

        var (exitCode, stdout, stderr) = await RunAppAsync(context);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, stdout.Trim());
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        AssertNoCrashOutput(stderr);
    }

    [Fact]
    public async Task A_machine_without_a_C_compiler_gets_one_message_naming_what_to_install_not_a_crash()
    {
        // PATH holds only dotnet and node (jsii runs the CDK in node): no clang, no cross compiler.
        var tools = Directory.CreateTempSubdirectory("identitystack-path-");
        try
        {
            foreach (var tool in new[] { "dotnet", "node" })
            {
                File.CreateSymbolicLink(Path.Combine(tools.FullName, tool), FindOnPath(tool));
            }

            var (exitCode, stdout, stderr) = await RunAppAsync(DevContextWith(_ => { }), tools.FullName);

            Assert.Equal(1, exitCode);
            Assert.Equal(string.Empty, stdout.Trim());
            // The CDK's own progress line ("Bundling asset ..."), then our one message.
            var message = Assert.Single(stderr.Split('\n'), line => line.StartsWith("IdentityStack: synthesis failed:", StringComparison.Ordinal));
            Assert.StartsWith("IdentityStack: synthesis failed: Failed to bundle asset IdentityStack-dev/Triggers/", message, StringComparison.Ordinal);
            Assert.All(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.True(string.Equals(line, message, StringComparison.Ordinal) || line.StartsWith("Bundling asset ", StringComparison.Ordinal), line));
            Assert.Contains("the Native AOT build for linux-arm64 needs clang and aarch64-linux-gnu-gcc (to cross-compile for arm64), which this machine lacks. Run ./build.sh synth (it installs them), or install them yourself: sudo apt-get install -y --no-install-recommends clang zlib1g-dev", stderr, StringComparison.Ordinal);
            AssertNoCrashOutput(stderr);
        }
        finally
        {
            tools.Delete(recursive: true);
        }
    }

    private static JsonObject Merge(JsonObject existing, JsonObject patch)
    {
        foreach (var (field, value) in patch.ToList())
        {
            existing[field] = value?.DeepClone();
        }

        return existing;
    }

    private static string FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, tool))
            .First(File.Exists);

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAppAsync(string contextJson, string? path = null)
    {
        var outdir = Directory.CreateTempSubdirectory("identitystack-app-");
        try
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "IdentityStack.App.dll")])
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepositoryFiles.Root,
            };
            start.Environment["CDK_CONTEXT_JSON"] = contextJson;
            // jsii's own end-of-life banner under Node 20 (people see it); these tests read the app's lines.
            start.Environment["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = "20";
            start.Environment["CDK_OUTDIR"] = outdir.FullName;
            if (path is not null)
            {
                start.Environment["PATH"] = path;
            }
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            outdir.Delete(recursive: true);
        }
    }
}
