using IdentityStack.Testing;
using System.Net;
using System.Text.Json;
using IdentityStack.Lambda.Runtime;

namespace IdentityStack.Lambda.Tests.Runtime;

/// <summary>The real client and loop against a real HTTP Runtime API on loopback.</summary>
public sealed class LambdaBootstrapTests
{
    private static async Task<(int ExitCode, string Log)> RunAsync(FakeRuntimeApi api, string? handler = "greeter", Func<ILambdaHandler>? failing = null)
    {
        using var client = new LambdaRuntimeApiClient(api.HostAndPort);
        using var log = new StringWriter();
        var bootstrap = new LambdaBootstrap(TestHandlers.Registry(failing), client, new FixedTimeProvider(TestHandlers.Now), log);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var exitCode = await bootstrap.RunAsync(handler, timeout.Token);
        return (exitCode, log.ToString());
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public async Task Each_event_gets_its_response_posted_under_its_request_id_then_a_500_ends_the_process()
    {
        await using var api = new FakeRuntimeApi();
        api.Enqueue("req-1", """{"Name":"ada"}""", deadlineMs: TestHandlers.Now.AddMilliseconds(4200).ToUnixTimeMilliseconds());
        api.Enqueue("req-2", """{"Name":"grace"}""");

        var (exitCode, log) = await RunAsync(api);

        Assert.Equal(LambdaBootstrap.RuntimeApiFailedExitCode, exitCode);
        Assert.Contains("answered 500", log, StringComparison.Ordinal);
        var posted = api.Posted.ToArray();
        Assert.Equal([ResultKind.Response, ResultKind.Response], posted.Select(p => p.Kind));
        Assert.Equal(["req-1", "req-2"], posted.Select(p => p.RequestId), StringComparer.Ordinal);
        var first = Json(posted[0].Body);
        Assert.Equal("hello ada", first.GetProperty("Message").GetString());
        Assert.Equal("req-1", first.GetProperty("RequestId").GetString());
        Assert.Equal(4200, first.GetProperty("RemainingMs").GetInt64());
    }

    [Fact]
    public async Task The_trace_id_of_each_invocation_is_in_X_AMZN_TRACE_ID_while_it_runs()
    {
        await using var api = new FakeRuntimeApi();
        api.Enqueue("req-1", """{"Name":"a"}""", traceId: "Root=1-aaaa;Parent=1;Sampled=1");
        api.Enqueue("req-2", """{"Name":"b"}""", traceId: "Root=1-bbbb;Parent=2;Sampled=0");

        await RunAsync(api);

        var traces = api.Posted.Select(p => Json(p.Body).GetProperty("TraceVariable").GetString());
        Assert.Equal(["Root=1-aaaa;Parent=1;Sampled=1", "Root=1-bbbb;Parent=2;Sampled=0"], traces, StringComparer.Ordinal);
    }

    [Fact]
    public async Task An_invocation_without_a_trace_id_does_not_see_the_previous_ones()
    {
        await using var api = new FakeRuntimeApi();
        api.Enqueue("traced", """{"Name":"a"}""", traceId: "Root=1-aaaa;Parent=1;Sampled=1");
        api.Enqueue("untraced", """{"Name":"b"}""");

        await RunAsync(api);

        var untraced = Json(api.Posted.Single(p => p.RequestId is "untraced").Body);
        Assert.Equal(JsonValueKind.Null, untraced.GetProperty("TraceVariable").ValueKind);
    }

    [Fact]
    public async Task A_handler_exception_is_posted_as_the_invocation_error_and_the_loop_goes_on()
    {
        await using var api = new FakeRuntimeApi();
        api.Enqueue("bad", """{"Name":"boom"}""");
        api.Enqueue("good", """{"Name":"ok"}""");

        var (_, log) = await RunAsync(api);

        var posted = api.Posted.ToArray();
        Assert.Equal(ResultKind.InvocationError, posted[0].Kind);
        Assert.Equal("bad", posted[0].RequestId);
        Assert.Equal("InvalidOperationException", posted[0].ErrorTypeHeader);
        var error = Json(posted[0].Body);
        Assert.Equal("the handler failed on purpose", error.GetProperty("errorMessage").GetString());
        Assert.Equal("InvalidOperationException", error.GetProperty("errorType").GetString());
        Assert.NotEqual(0, error.GetProperty("stackTrace").GetArrayLength());
        Assert.Equal(ResultKind.Response, posted[1].Kind);
        Assert.Equal("good", posted[1].RequestId);
        Assert.Contains("bad InvalidOperationException: the handler failed on purpose", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_event_is_an_invocation_error_naming_the_expected_type()
    {
        await using var api = new FakeRuntimeApi();
        api.Enqueue("req-1", "{not json");

        await RunAsync(api);

        var posted = Assert.Single(api.Posted);
        Assert.Equal(ResultKind.InvocationError, posted.Kind);
        Assert.Equal("LambdaEventFormatException", Json(posted.Body).GetProperty("errorType").GetString());
        Assert.StartsWith("The event is not a valid Greeting:", Json(posted.Body).GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData(null)]
    public async Task An_unknown_handler_is_reported_as_an_init_error_listing_the_known_ones_and_the_process_exits(string? handler)
    {
        await using var api = new FakeRuntimeApi();
        api.Enqueue("never", """{"Name":"x"}""");

        var (exitCode, _) = await RunAsync(api, handler);

        Assert.Equal(LambdaBootstrap.InitFailedExitCode, exitCode);
        var posted = Assert.Single(api.Posted);
        Assert.Equal(ResultKind.InitError, posted.Kind);
        Assert.Equal("Runtime.InvalidHandler", posted.ErrorTypeHeader);
        Assert.Equal($"Unknown handler '{handler}'. Set the function's handler (_HANDLER) to one of: greeter.", Json(posted.Body).GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task A_handler_that_fails_to_start_is_an_init_error()
    {
        await using var api = new FakeRuntimeApi();

        var (exitCode, _) = await RunAsync(api, "failing", () => throw new InvalidOperationException("TABLE_NAME is not set"));

        Assert.Equal(LambdaBootstrap.InitFailedExitCode, exitCode);
        var posted = Assert.Single(api.Posted);
        Assert.Equal(ResultKind.InitError, posted.Kind);
        Assert.Equal("Runtime.InitError.InvalidOperationException", Json(posted.Body).GetProperty("errorType").GetString());
        Assert.Equal("TABLE_NAME is not set", Json(posted.Body).GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task A_refused_response_is_logged_and_the_next_event_is_still_served()
    {
        await using var api = new FakeRuntimeApi { ResponseStatus = HttpStatusCode.RequestEntityTooLarge };
        api.Enqueue("req-1", """{"Name":"a"}""");
        api.Enqueue("req-2", """{"Name":"b"}""");

        var (exitCode, log) = await RunAsync(api);

        Assert.Equal(LambdaBootstrap.RuntimeApiFailedExitCode, exitCode);
        Assert.Equal(2, api.Posted.Count);
        Assert.Contains("req-1 result refused", log, StringComparison.Ordinal);
        Assert.Contains("req-2 result refused", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_runtime_api_ends_the_process()
    {
        int port;
        await using (var api = new FakeRuntimeApi())
        {
            port = api.Port;
        }

        using var client = new LambdaRuntimeApiClient($"127.0.0.1:{port}");
        using var log = new StringWriter();
        var exitCode = await new LambdaBootstrap(TestHandlers.Registry(), client, log: log).RunAsync("greeter", CancellationToken.None);

        Assert.Equal(LambdaBootstrap.RuntimeApiFailedExitCode, exitCode);
        Assert.Contains("Lambda Runtime API failed, exiting", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Remaining_time_is_never_negative()
    {
        var invocation = new LambdaInvocation("r", TestHandlers.Now.AddSeconds(-1), "arn", null, null, null, ReadOnlyMemory<byte>.Empty);

        var context = new LambdaContext(invocation, new FixedTimeProvider(TestHandlers.Now));

        Assert.Equal(TimeSpan.Zero, context.RemainingTime);
    }

    [Fact]
    public void The_client_needs_the_runtime_api_address()
    {
        Assert.Throws<ArgumentException>(() => new LambdaRuntimeApiClient(" "));
    }
}
