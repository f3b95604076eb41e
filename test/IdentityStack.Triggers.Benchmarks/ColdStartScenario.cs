using System.Net;
using System.Text.Json;

namespace IdentityStack.Triggers.Benchmarks;

/// <summary>
/// One handler's first invocation as the benchmark runs it: the event (a fixture of Cognito's or
/// API Gateway's real shape), the function's settings, and what the loopback DynamoDB answers.
/// </summary>
/// <param name="Handler">The handler name (_HANDLER), as handlers.json and the template know it.</param>
/// <param name="Fixture">The event, relative to the fixtures folder.</param>
/// <param name="Environment">The function's own settings (the table names, the scopes).</param>
/// <param name="Calls">What the first invocation calls, for the report ("none", "DynamoDB GetItem x2").</param>
/// <param name="DynamoDbAnswer">The loopback DynamoDB's answer per operation; null when the handler calls none.</param>
internal sealed record ColdStartScenario(
    string Handler,
    string Fixture,
    IReadOnlyDictionary<string, string> Environment,
    string Calls,
    Func<string, JsonElement, (HttpStatusCode Status, string Body)>? DynamoDbAnswer = null)
{
    public bool CallsDynamoDb => DynamoDbAnswer is not null;
}
