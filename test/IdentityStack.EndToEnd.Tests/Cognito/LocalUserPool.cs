using System.Text.Json.Nodes;
using IdentityStack.EndToEnd.Tests.Template;
using IdentityStack.Testing;

namespace IdentityStack.EndToEnd.Tests.Cognito;

/// <summary>
/// The stage's user pool, app clients and groups created in cognito-local from the properties of
/// the synthesized template. The triggers are not part of the pool: cognito-local takes them as
/// server config (<see cref="LocalFunctions.TriggerFunctions"/>).
/// </summary>
internal sealed class LocalUserPool
{
    private const string PoolType = "AWS::Cognito::UserPool";
    private const string ClientType = "AWS::Cognito::UserPoolClient";
    private const string GroupType = "AWS::Cognito::UserPoolGroup";
    private const string ResourceServerType = "AWS::Cognito::UserPoolResourceServer";

    /// <summary>Template properties that cognito-local does not take as CreateUserPool input or that are set otherwise.</summary>
    private static readonly HashSet<string> PoolPropertiesLeftOut = new(StringComparer.Ordinal) { "UserPoolName", "LambdaConfig" };

    private readonly Dictionary<string, string> _physicalIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LocalAppClient> _clientsByName = new(StringComparer.Ordinal);

    private LocalUserPool(SynthesizedTemplate template)
    {
        Template = template;
        foreach (var (id, properties) in template.OfType(ResourceServerType))
        {
            _physicalIds[id] = (string?)properties["Identifier"] ?? id; // Ref of a resource server is its identifier.
        }

        Values = new TemplateValues(
            id => _physicalIds.GetValueOrDefault(id, id),
            (id, attribute) => $"arn:aws:local:000000000000:{id}/{attribute}");
    }

    public SynthesizedTemplate Template { get; }

    public string PoolId { get; private set; } = string.Empty;

    /// <summary>Resolves the template's values to the local pool and clients.</summary>
    public TemplateValues Values { get; }

    public IReadOnlyCollection<string> Groups { get; private set; } = [];

    /// <summary>An app client by its ClientName in the template, e.g. "UserPool-SpaClient".</summary>
    public LocalAppClient Client(string clientName) =>
        _clientsByName.TryGetValue(clientName, out var client)
            ? client
            : throw new KeyNotFoundException($"no app client '{clientName}' in {Template.Path}; clients: {string.Join(", ", _clientsByName.Keys)}");

    public static async Task<LocalUserPool> CreateAsync(SynthesizedTemplate template, CognitoLocalClient cognito)
    {
        var local = new LocalUserPool(template);
        var (poolId, poolProperties) = template.Single(PoolType);
        var request = new JsonObject { ["PoolName"] = (string?)poolProperties["UserPoolName"] ?? poolId };
        foreach (var (key, value) in poolProperties.Where(p => !PoolPropertiesLeftOut.Contains(p.Key)))
        {
            request[key] = local.Values.Resolve(value);
        }

        var pool = await cognito.CallAsync("CreateUserPool", request).ConfigureAwait(false);
        local.PoolId = (string)pool["UserPool"]!["Id"]!;
        local._physicalIds[poolId] = local.PoolId;

        foreach (var (id, properties) in template.OfType(ClientType))
        {
            var created = await cognito.CallAsync("CreateUserPoolClient", local.Input(properties)).ConfigureAwait(false);
            var client = new LocalAppClient((string)created["UserPoolClient"]!["ClientId"]!, (string?)created["UserPoolClient"]!["ClientSecret"]);
            local._physicalIds[id] = client.ClientId;
            _ = local._clientsByName.TryAdd((string?)properties["ClientName"] ?? id, client);
        }

        var groups = new List<string>();
        foreach (var (_, properties) in template.OfType(GroupType))
        {
            var created = await cognito.CallAsync("CreateGroup", local.Input(properties)).ConfigureAwait(false);
            groups.Add((string)created["Group"]!["GroupName"]!);
        }

        local.Groups = groups;
        return local;
    }

    private JsonObject Input(JsonObject properties)
    {
        var input = (JsonObject)Values.Resolve(properties)!;
        input["UserPoolId"] = PoolId;
        return input;
    }
}
