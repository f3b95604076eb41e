using System.Text.Json.Nodes;

namespace IdentityStack.EndToEnd.Tests.Template;

/// <summary>
/// The Lambda functions of a synthesized template as the local host runs them: name (the logical
/// id), handler and environment from the template; the user pool's triggers as cognito-local's
/// <c>TriggerFunctions</c> config; the HTTP API's function of each route from its integration.
/// </summary>
internal sealed class LocalFunctions
{
    private const string FunctionType = "AWS::Lambda::Function";

    /// <summary>LambdaConfig keys cognito-local 5.3.0 calls, and its name for each.</summary>
    private static readonly Dictionary<string, string> CognitoLocalTriggerNames = new(StringComparer.Ordinal)
    {
        ["PreSignUp"] = "PreSignUp",
        ["PostConfirmation"] = "PostConfirmation",
        ["PostAuthentication"] = "PostAuthentication",
        ["PreTokenGenerationConfig"] = "PreTokenGeneration",
        ["CustomMessage"] = "CustomMessage",
        ["UserMigration"] = "UserMigration",
    };

    private readonly SynthesizedTemplate _template;
    private readonly TemplateValues _values;

    public LocalFunctions(SynthesizedTemplate template, TemplateValues values, IReadOnlyDictionary<string, string> localEnvironment)
    {
        _template = template;
        _values = values;
        Definitions = [.. template.OfType(FunctionType).Select(f => Definition(f.LogicalId, f.Properties, localEnvironment))];
        var lambdaConfig = template.Single("AWS::Cognito::UserPool").Properties["LambdaConfig"] as JsonObject ?? [];
        foreach (var (key, value) in lambdaConfig)
        {
            var arn = value is JsonObject o && o.ContainsKey("LambdaArn") ? o["LambdaArn"] : value;
            if (CognitoLocalTriggerNames.TryGetValue(key, out var name))
            {
                TriggerFunctions[name] = FunctionName(arn);
            }
            else
            {
                NotCalledByCognitoLocal.Add(key);
            }
        }

        RouteFunctions = RouteFunctionNames();
        ApiBackend = Definitions.Single(d => string.Equals(d.Handler, IdentityStack.Triggers.Contract.ApiHandlerNames.Backend, StringComparison.Ordinal)).Name;
    }

    /// <summary>Every function of the template, ready for the Lambda host.</summary>
    public IReadOnlyList<LambdaFunctionDefinition> Definitions { get; }

    /// <summary>cognito-local's TriggerFunctions: its trigger name to the function name.</summary>
    public JsonObject TriggerFunctions { get; } = [];

    /// <summary>LambdaConfig entries that cognito-local 5.3.0 never calls (it has no such trigger).</summary>
    public List<string> NotCalledByCognitoLocal { get; } = [];

    /// <summary>The API backend's function (every route but the developer login's).</summary>
    public string ApiBackend { get; }

    /// <summary>The function behind each route of the HTTP API, by route key ("GET /me").</summary>
    public IReadOnlyDictionary<string, string> RouteFunctions { get; }

    public LambdaFunctionDefinition this[string name] => Definitions.Single(d => string.Equals(d.Name, name, StringComparison.Ordinal));

    private LambdaFunctionDefinition Definition(string logicalId, JsonObject properties, IReadOnlyDictionary<string, string> localEnvironment)
    {
        var environment = new Dictionary<string, string>(localEnvironment, StringComparer.Ordinal);
        if (_values.Resolve(properties["Environment"]?["Variables"]) is JsonObject variables)
        {
            foreach (var (key, value) in variables)
            {
                environment[key] = (string?)value ?? string.Empty;
            }
        }

        var timeout = properties["Timeout"] is JsonValue seconds ? TimeSpan.FromSeconds(seconds.GetValue<int>()) : (TimeSpan?)null;
        return new LambdaFunctionDefinition(logicalId, (string?)properties["Handler"] ?? throw new InvalidDataException($"{logicalId} has no Handler."), environment, timeout);
    }

    private string FunctionName(JsonNode? arn) =>
        arn is JsonObject o && o["Fn::GetAtt"] is JsonArray { Count: 2 } a
            ? (string)a[0]!
            : throw new InvalidDataException($"{_template.Path}: a trigger is not a function of this stack: {arn?.ToJsonString()}");

    /// <summary>Each route's function: the route's target names an integration, whose URI is the function's ARN.</summary>
    private Dictionary<string, string> RouteFunctionNames()
    {
        var integrations = _template.OfType("AWS::ApiGatewayV2::Integration").ToDictionary(i => i.LogicalId, i => FunctionName(i.Properties["IntegrationUri"]), StringComparer.Ordinal);
        return _template.OfType("AWS::ApiGatewayV2::Route").ToDictionary(
            r => (string)r.Properties["RouteKey"]!,
            r => IntegrationOf(r.Properties["Target"]) is { } integration && integrations.TryGetValue(integration, out var function)
                ? function
                : throw new InvalidDataException($"{_template.Path}: route {r.LogicalId} has no integration of this stack: {r.Properties["Target"]?.ToJsonString()}"),
            StringComparer.Ordinal);
    }

    /// <summary>The integration a route's target ("integrations/" joined with a Ref) names.</summary>
    private static string? IntegrationOf(JsonNode? target) =>
        target?["Fn::Join"] is JsonArray { Count: 2 } join && join[1] is JsonArray parts
            ? parts.OfType<JsonObject>().Select(p => (string?)p["Ref"]).FirstOrDefault(r => r is not null)
            : null;
}
