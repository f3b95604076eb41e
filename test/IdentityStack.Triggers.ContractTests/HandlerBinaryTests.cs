using System.Text.Json;
using IdentityStack.Testing;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Triggers.ContractTests;

/// <summary>
/// Each handler runs on the binary the template assigns it: the functions of the handlers that call
/// no AWS service share one code asset (the binary without the AWS SDK), every other function the
/// other; handlers.json, which the contract tests and the benchmark run by, says the same; and the
/// binary without the AWS SDK serves exactly those handlers and carries no AWS SDK.
/// </summary>
public sealed class HandlerBinaryTests
{
    private static JsonElement DevTemplate()
    {
        var file = RepositoryRoot.File(Path.Combine("cdk.out", "IdentityStack-dev.template.json"));
        Assert.True(File.Exists(file), $"{file} does not exist: run ./build.sh synth (./build.sh test does).");
        return JsonDocument.Parse(File.ReadAllText(file)).RootElement;
    }

    [Fact]
    public void The_template_and_handlers_json_put_the_same_handlers_on_the_binary_without_the_aws_sdk()
    {
        var triggers = DevTemplate().GetProperty("Resources").EnumerateObject()
            .Select(r => r.Value)
            .Where(r => string.Equals(r.GetProperty("Type").GetString(), "AWS::Lambda::Function", StringComparison.Ordinal)
                && TriggerHandlerNames.All.Contains(r.GetProperty("Properties").GetProperty("Handler").GetString(), StringComparer.Ordinal))
            .ToDictionary(r => r.GetProperty("Properties").GetProperty("Handler").GetString()!, r => r.GetProperty("Properties").GetProperty("Code").GetProperty("S3Key").GetString()!, StringComparer.Ordinal);
        var map = PublishedBootstrap.HandlerMap();

        Assert.Equal(TriggerHandlerNames.All.Order(StringComparer.Ordinal), triggers.Keys.Order(StringComparer.Ordinal));
        var leanAsset = triggers[TriggerHandlerNames.PreSignUp];
        Assert.Equal(TriggerHandlerNames.WithoutAws.Order(StringComparer.Ordinal), triggers.Where(t => string.Equals(t.Value, leanAsset, StringComparison.Ordinal)).Select(t => t.Key).Order(StringComparer.Ordinal));
        Assert.Single(triggers.Values.Where(a => !string.Equals(a, leanAsset, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal));
        Assert.All(TriggerHandlerNames.All, h => Assert.Equal(
            TriggerHandlerNames.WithoutAws.Contains(h, StringComparer.Ordinal) ? PublishedBootstrap.PathOf("linux-x64", withoutAws: true) : PublishedBootstrap.PathOf("linux-x64"),
            map[h]));
    }

    [Fact]
    public void The_binary_without_the_aws_sdk_is_smaller_and_has_no_sdk_inside()
    {
        var full = new FileInfo(PublishedBootstrap.AssertPublished("linux-x64"));
        var lean = new FileInfo(PublishedBootstrap.AssertPublished("linux-x64", withoutAws: true));

        Assert.True(lean.Length * 2 < full.Length, $"without the AWS SDK {lean.Length} bytes, full {full.Length}");
        var bytes = File.ReadAllBytes(lean.FullName);
        Assert.Equal(-1, bytes.AsSpan().IndexOf("AmazonDynamoDB"u8));
        Assert.NotEqual(-1, File.ReadAllBytes(full.FullName).AsSpan().IndexOf("AmazonDynamoDB"u8));
    }

    public static TheoryData<string, string> AwsFreeHandlerEvents => new()
    {
        { TriggerHandlerNames.PreSignUp, "pre-signup-sign-up.json" },
        { TriggerHandlerNames.CustomMessage, "custom-message-sign-up.json" },
        { TriggerHandlerNames.PostAuthentication, "post-authentication.json" },
    };

    /// <summary>
    /// The cold start of these handlers stays near the floor partly because their first invocation
    /// starts no thread-pool thread: the Runtime API client blocks, and the handlers do not await
    /// anything that is not done. Thread-pool threads (".NET TP Worker", ".NET TP Gate") would each
    /// cost the start a share of a millisecond (./build.sh bench). The socket engine's thread
    /// (".NET Sockets") is started by the Socket constructor itself and is not counted here.
    /// </summary>
    [Theory]
    [MemberData(nameof(AwsFreeHandlerEvents))]
    public async Task A_handler_without_aws_calls_answers_its_first_event_without_starting_the_thread_pool(string handler, string fixture)
    {
        await using var api = new FakeRuntimeApi();
        api.Enqueue("threads-1", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", fixture)));
        var threads = new List<string>();
        var start = LambdaProcessStart.For(PublishedBootstrap.ForHandler(handler), api.HostAndPort, handler, [new(TriggerEnvironment.AllowedEmailDomains, "example.com")]);

        await api.RunAsync(start, pid => threads.AddRange(Directory.GetDirectories($"/proc/{pid}/task").Select(t => File.ReadAllText(Path.Combine(t, "comm")).Trim())), TimeSpan.FromSeconds(30));

        Assert.Equal(ResultKind.Response, Assert.Single(api.Posted).Kind);
        Assert.NotEmpty(threads);
        Assert.Contains(".NET Finalizer", threads);
        Assert.DoesNotContain(threads, t => t.StartsWith(".NET TP", StringComparison.Ordinal));
    }
}
