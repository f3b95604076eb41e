#pragma warning disable CA1507, MA0051 // The strings are Cognito's wire names, not these members'; one switch is the fake's dispatch table.
using System.Text.Json;
using System.Text.Json.Nodes;
using IdentityStack.UserDirectory.Cognito;

namespace IdentityStack.UserDirectory.Tests;

/// <summary>
/// A user pool in memory behind the JSON protocol, answering the admin calls the export and restore
/// make as Cognito documents them: pages of at most the request's Limit with an opaque next token,
/// AdminCreateUser giving a new sub, UsernameExistsException and GroupExistsException on repeats.
/// <see cref="ThrottleNext"/> makes the next calls fail with TooManyRequestsException.
/// </summary>
internal sealed class FakeUserPool : IUserPoolTransport
{
    public const string PoolId = "eu-west-1_Fake01";

    public Dictionary<string, FakeUser> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, (string? Description, int? Precedence, string? RoleArn, List<string> Members)> Groups { get; } = new(StringComparer.Ordinal);

    public List<(string Operation, JsonObject Body)> Calls { get; } = [];

    public int ThrottleNext { get; set; }

    /// <summary>An attribute the pool's schema lacks: AdminCreateUser with it is refused.</summary>
    public string? RefuseAttribute { get; set; }

    public FakeUser Add(string username, string? email = null, bool verified = true, string status = "CONFIRMED", bool enabled = true, string? tenant = null)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["sub"] = Guid.NewGuid().ToString() };
        if (email is not null)
        {
            attributes["email"] = email;
            attributes["email_verified"] = verified ? "true" : "false";
        }

        if (tenant is not null)
        {
            attributes["custom:tenant_id"] = tenant;
        }

        var user = new FakeUser(username, attributes) { Status = status, Enabled = enabled };
        Users[username] = user;
        return user;
    }

    public void AddGroup(string name, int? precedence = null, params string[] members) =>
        Groups[name] = ($"{name} group", precedence, null, [.. members]);

    public Task<string> PostAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        var request = JsonNode.Parse(body)!.AsObject();
        Calls.Add((operation, request));
        if (ThrottleNext > 0)
        {
            ThrottleNext--;
            throw new UserPoolCallException("TooManyRequestsException", "Too many requests");
        }

        if (!string.Equals((string?)request["UserPoolId"], PoolId, StringComparison.Ordinal))
        {
            throw new UserPoolCallException("ResourceNotFoundException", "User pool does not exist.");
        }

        return Task.FromResult(Answer(operation, request).ToJsonString());
    }

    private JsonObject Answer(string operation, JsonObject request)
    {
        switch (operation)
        {
            case "ListUsers":
            {
                var filter = (string?)request["Filter"];
                var users = Users.Values.OrderBy(u => u.Username, StringComparer.Ordinal)
                    .Where(u => filter is null || string.Equals($"sub = \"{u.Attributes["sub"]}\"", filter, StringComparison.Ordinal));
                var (page, next) = Page(users, request, "PaginationToken");
                return new JsonObject { ["Users"] = new JsonArray([.. page.Select(u => (JsonNode)u.ToJson())]), ["PaginationToken"] = next };
            }

            case "ListGroups":
            {
                var (page, next) = Page(Groups.OrderBy(g => g.Key, StringComparer.Ordinal), request, "NextToken");
                return new JsonObject
                {
                    ["Groups"] = new JsonArray([.. page.Select(g => (JsonNode)new JsonObject { ["GroupName"] = g.Key, ["Description"] = g.Value.Description, ["Precedence"] = g.Value.Precedence, ["RoleArn"] = g.Value.RoleArn })]),
                    ["NextToken"] = next,
                };
            }

            case "ListUsersInGroup":
            {
                var group = Groups[(string)request["GroupName"]!];
                var (page, next) = Page(group.Members.Order(StringComparer.Ordinal).Select(m => Users[m]), request, "NextToken");
                return new JsonObject { ["Users"] = new JsonArray([.. page.Select(u => (JsonNode)u.ToJson())]), ["NextToken"] = next };
            }

            case "AdminListGroupsForUser":
            {
                var username = (string)request["Username"]!;
                var (page, next) = Page(Groups.Where(g => g.Value.Members.Contains(username, StringComparer.OrdinalIgnoreCase)).OrderBy(g => g.Key, StringComparer.Ordinal), request, "NextToken");
                return new JsonObject { ["Groups"] = new JsonArray([.. page.Select(g => (JsonNode)new JsonObject { ["GroupName"] = g.Key })]), ["NextToken"] = next };
            }

            case "AdminCreateUser":
            {
                var username = (string)request["Username"]!;
                if (Users.ContainsKey(username))
                {
                    throw new UserPoolCallException("UsernameExistsException", "User account already exists");
                }

                if (!string.Equals((string?)request["MessageAction"], "SUPPRESS", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("the restore must not message users");
                }

                var attributes = request["UserAttributes"]!.AsArray().ToDictionary(a => (string)a!["Name"]!, a => (string)a!["Value"]!, StringComparer.Ordinal);
                foreach (var owned in new[] { "sub", "identities" }.Where(attributes.ContainsKey))
                {
                    throw new UserPoolCallException("InvalidParameterException", $"Cannot modify the non-mutable attribute {owned}");
                }

                if (RefuseAttribute is not null && attributes.ContainsKey(RefuseAttribute))
                {
                    throw new UserPoolCallException("InvalidParameterException", $"Attributes did not conform to the schema: {RefuseAttribute}");
                }

                attributes["sub"] = Guid.NewGuid().ToString();
                var user = new FakeUser(username, attributes) { Status = "FORCE_CHANGE_PASSWORD" };
                Users[username] = user;
                return new JsonObject { ["User"] = user.ToJson() };
            }

            case "AdminSetUserPassword":
                Users[(string)request["Username"]!].Status = (bool)request["Permanent"]! ? "CONFIRMED" : "FORCE_CHANGE_PASSWORD";
                return [];
            case "AdminDisableUser":
                Users[(string)request["Username"]!].Enabled = false;
                return [];
            case "CreateGroup":
            {
                var name = (string)request["GroupName"]!;
                if (Groups.ContainsKey(name))
                {
                    throw new UserPoolCallException("GroupExistsException", "A group with the name already exists");
                }

                Groups[name] = ((string?)request["Description"], (int?)request["Precedence"], (string?)request["RoleArn"], []);
                return [];
            }

            case "AdminAddUserToGroup":
            {
                var members = Groups[(string)request["GroupName"]!].Members;
                var username = (string)request["Username"]!;
                if (!members.Contains(username, StringComparer.OrdinalIgnoreCase))
                {
                    members.Add(username);
                }

                return [];
            }

            default:
                throw new UserPoolCallException("UnknownOperationException", operation);
        }
    }

    /// <summary>A page of at most the request's Limit, after the token (an index here; opaque to callers).</summary>
    private static (List<T> Page, string? Next) Page<T>(IEnumerable<T> all, JsonObject request, string tokenName)
    {
        var list = all.ToList();
        var limit = (int?)request["Limit"] ?? 60;
        var start = request[tokenName] is { } token ? int.Parse(((string)token!)["page-".Length..], System.Globalization.CultureInfo.InvariantCulture) : 0;
        var page = list.Skip(start).Take(limit).ToList();
        return (page, start + limit < list.Count ? $"page-{start + limit}" : null);
    }
}

internal sealed class FakeUser(string username, Dictionary<string, string> attributes)
{
    public string Username => username;

    public Dictionary<string, string> Attributes => attributes;

    public string Status { get; set; } = "CONFIRMED";

    public bool Enabled { get; set; } = true;

    public JsonObject ToJson() => new()
    {
        ["Username"] = username,
        ["Attributes"] = new JsonArray([.. attributes.Select(a => (JsonNode)new JsonObject { ["Name"] = a.Key, ["Value"] = a.Value })]),
        ["UserStatus"] = Status,
        ["Enabled"] = Enabled,
        ["UserCreateDate"] = 1.7e9,
        ["UserLastModifiedDate"] = 1.7e9 + 0.5,
    };
}
