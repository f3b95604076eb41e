using System.Text;
using IdentityStack.Lambda.Runtime;

namespace IdentityStack.Triggers.Tests;

public sealed class EventVersionDispatchTests
{
    private sealed class Answer(string name) : ILambdaHandler
    {
        public ValueTask<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambdaContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Encoding.UTF8.GetBytes(name));
    }

    private static async Task<string> DispatchAsync(string json) =>
        Encoding.UTF8.GetString(await new EventVersionDispatch(new Answer("v1"), new Answer("v2"), new Answer("v3"))
            .InvokeAsync(Encoding.UTF8.GetBytes(json), new TestContext(), CancellationToken.None));

    [Theory]
    [InlineData("1", "v1")]
    [InlineData("0", "v1")] // cognito-local's V1 events
    [InlineData("2", "v2")]
    [InlineData("3", "v3")]
    public async Task Each_version_goes_to_its_handler(string version, string handler) =>
        Assert.Equal(handler, await DispatchAsync($$"""{"version":"{{version}}","triggerSource":"TokenGeneration_Authentication"}"""));

    [Theory]
    [InlineData("""{"version":"9"}""", "Unsupported pre token generation event version '9'")]
    [InlineData("""{"version":3}""", "Unsupported pre token generation event version ''")] // a number, not Cognito's string
    [InlineData("""{"triggerSource":"TokenGeneration_Authentication"}""", "Unsupported pre token generation event version ''")]
    [InlineData("not json", "The event is not JSON")]
    public async Task Other_events_are_refused_with_what_is_wrong(string json, string message)
    {
        var error = await Assert.ThrowsAsync<LambdaEventFormatException>(() => DispatchAsync(json));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
