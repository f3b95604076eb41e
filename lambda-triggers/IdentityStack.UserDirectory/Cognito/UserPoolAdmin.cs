using System.Globalization;
using System.Text.Json;
using IdentityStack.UserDirectory.Snapshots;

namespace IdentityStack.UserDirectory.Cognito;

/// <summary>
/// The user pool administration calls the export, restore and offboard make, paced and retried by
/// <see cref="PacedCalls"/>. Requests are written and responses read as JSON without
/// reflection (Native AOT safe).
/// </summary>
public sealed class UserPoolAdmin(IUserPoolTransport transport, string userPoolId, CallPacing pacing, TimeProvider time)
{
    /// <summary>ListUsers' and ListUsersInGroup's largest page.</summary>
    public const int UsersPerPage = 60;

    /// <summary>ListGroups' and AdminListGroupsForUser's largest page.</summary>
    public const int GroupsPerPage = 60;

    private readonly PacedCalls _calls = new(pacing, time);

    /// <summary>The pool every call addresses.</summary>
    public string UserPoolId => userPoolId;

    /// <summary>Calls made so far (retries included).</summary>
    public long Calls => _calls.Calls;

    /// <summary>Calls that Cognito throttled and that were retried.</summary>
    public long Throttled => _calls.Throttled;

    /// <summary>A page of the pool's users; <paramref name="filter"/> is ListUsers' filter (e.g. <c>sub = "..."</c>).</summary>
    public async Task<UserPoolPage<SnapshotUser>> ListUsersAsync(string? paginationToken, CancellationToken cancellationToken, string? filter = null)
    {
        using var response = await CallAsync("ListUsers", w =>
        {
            w.WriteNumber("Limit", UsersPerPage);
            WriteIf(w, "PaginationToken", paginationToken);
            WriteIf(w, "Filter", filter);
        }, cancellationToken).ConfigureAwait(false);
        return new([.. Array(response.RootElement, "Users").Select(ReadUser)], Text(response.RootElement, "PaginationToken"));
    }

    /// <summary>A page of the pool's groups.</summary>
    public async Task<UserPoolPage<SnapshotGroup>> ListGroupsAsync(string? nextToken, CancellationToken cancellationToken)
    {
        using var response = await CallAsync("ListGroups", w =>
        {
            w.WriteNumber("Limit", GroupsPerPage);
            WriteIf(w, "NextToken", nextToken);
        }, cancellationToken).ConfigureAwait(false);
        return new([.. Array(response.RootElement, "Groups").Select(ReadGroup)], Text(response.RootElement, "NextToken"));
    }

    /// <summary>A page of a group's members' usernames.</summary>
    public async Task<UserPoolPage<string>> ListUsersInGroupAsync(string group, string? nextToken, CancellationToken cancellationToken)
    {
        using var response = await CallAsync("ListUsersInGroup", w =>
        {
            w.WriteString("GroupName", group);
            w.WriteNumber("Limit", UsersPerPage);
            WriteIf(w, "NextToken", nextToken);
        }, cancellationToken).ConfigureAwait(false);
        return new([.. Array(response.RootElement, "Users").Select(u => Text(u, "Username") ?? string.Empty)], Text(response.RootElement, "NextToken"));
    }

    /// <summary>A page of the groups a user is in (names).</summary>
    public async Task<UserPoolPage<string>> ListGroupsForUserAsync(string username, string? nextToken, CancellationToken cancellationToken)
    {
        using var response = await CallAsync("AdminListGroupsForUser", w =>
        {
            w.WriteString("Username", username);
            w.WriteNumber("Limit", GroupsPerPage);
            WriteIf(w, "NextToken", nextToken);
        }, cancellationToken).ConfigureAwait(false);
        return new([.. Array(response.RootElement, "Groups").Select(g => Text(g, "GroupName") ?? string.Empty)], Text(response.RootElement, "NextToken"));
    }

    /// <summary>
    /// Creates a user with <paramref name="attributes"/> and no message (MessageAction SUPPRESS), with
    /// <paramref name="temporaryPassword"/>; the new user's <c>sub</c>.
    /// </summary>
    public async Task<string> CreateUserAsync(string username, IReadOnlyDictionary<string, string> attributes, string temporaryPassword, CancellationToken cancellationToken)
    {
        using var response = await CallAsync("AdminCreateUser", w =>
        {
            w.WriteString("Username", username);
            w.WriteString("MessageAction", "SUPPRESS");
            w.WriteString("TemporaryPassword", temporaryPassword);
            w.WriteStartArray("UserAttributes");
            foreach (var (name, value) in attributes)
            {
                w.WriteStartObject();
                w.WriteString("Name", name);
                w.WriteString("Value", value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }, cancellationToken).ConfigureAwait(false);
        var user = response.RootElement.TryGetProperty("User", out var u) ? u : default;
        var created = user.ValueKind == JsonValueKind.Object ? ReadAttributes(user, "Attributes") : new Dictionary<string, string>(StringComparer.Ordinal);
        return created.TryGetValue("sub", out var sub) ? sub : throw new UserPoolCallException("InvalidResponse", $"AdminCreateUser of {username} answered without the new user's sub.");
    }

    /// <summary>Sets a user's password (permanent: the user's status becomes CONFIRMED).</summary>
    public async Task SetPasswordAsync(string username, string password, bool permanent, CancellationToken cancellationToken)
    {
        using var _ = await CallAsync("AdminSetUserPassword", w =>
        {
            w.WriteString("Username", username);
            w.WriteString("Password", password);
            w.WriteBoolean("Permanent", permanent);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Disables a user: no sign-in, no refresh.</summary>
    public async Task DisableUserAsync(string username, CancellationToken cancellationToken)
    {
        using var _ = await CallAsync("AdminDisableUser", w => w.WriteString("Username", username), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a group.</summary>
    public async Task CreateGroupAsync(SnapshotGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        using var _ = await CallAsync("CreateGroup", w =>
        {
            w.WriteString("GroupName", group.Name);
            WriteIf(w, "Description", group.Description);
            if (group.Precedence is { } precedence)
            {
                w.WriteNumber("Precedence", precedence);
            }

            WriteIf(w, "RoleArn", group.RoleArn);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a user to a group (Cognito answers success when they already are).</summary>
    public async Task AddUserToGroupAsync(string username, string group, CancellationToken cancellationToken)
    {
        using var _ = await CallAsync("AdminAddUserToGroup", w =>
        {
            w.WriteString("Username", username);
            w.WriteString("GroupName", group);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every page of a listing, followed to its end.</summary>
    public static async Task<IReadOnlyList<T>> AllAsync<T>(Func<string?, Task<UserPoolPage<T>>> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var all = new List<T>();
        string? next = null;
        do
        {
            var current = await page(next).ConfigureAwait(false);
            all.AddRange(current.Items);
            next = current.Next;
        }
        while (next is not null);
        return all;
    }

    private async Task<JsonDocument> CallAsync(string operation, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(nameof(UserPoolId), userPoolId);
            write(writer);
            writer.WriteEndObject();
        }

        var body = buffer.ToArray();
        var text = await _calls.RunAsync(() => transport.PostAsync(operation, body, cancellationToken), cancellationToken).ConfigureAwait(false);
        return JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
    }

    private static void WriteIf(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static JsonElement[] Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray()] : [];

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static Dictionary<string, string> ReadAttributes(JsonElement user, string name) =>
        Array(user, name)
            .Select(a => (Name: Text(a, "Name"), Value: a.TryGetProperty("Value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null))
            .Where(a => a.Name is not null && a.Value is not null)
            .GroupBy(a => a.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value!, StringComparer.Ordinal);

    private static SnapshotUser ReadUser(JsonElement user) => new()
    {
        Username = Text(user, "Username") ?? throw new UserPoolCallException("InvalidResponse", "ListUsers answered a user without a Username."),
        Attributes = ReadAttributes(user, "Attributes"),
        Status = Text(user, "UserStatus") ?? "UNKNOWN",
        Enabled = !user.TryGetProperty("Enabled", out var enabled) || enabled.ValueKind != JsonValueKind.False,
        Created = Time(user, "UserCreateDate"),
        Modified = Time(user, "UserLastModifiedDate"),
        MfaOptions = [.. Array(user, "MFAOptions").Select(o => new SnapshotMfaOption(Text(o, "DeliveryMedium"), Text(o, "AttributeName")))],
    };

    private static SnapshotGroup ReadGroup(JsonElement group) => new(
        Text(group, "GroupName") ?? throw new UserPoolCallException("InvalidResponse", "ListGroups answered a group without a GroupName."),
        Text(group, "Description"),
        group.TryGetProperty("Precedence", out var precedence) && precedence.ValueKind == JsonValueKind.Number && precedence.TryGetInt32(out var p) ? p : null,
        Text(group, "RoleArn"));

    /// <summary>Cognito's dates are epoch seconds (a number with a fraction); an ISO 8601 text is read too.</summary>
    private static DateTimeOffset? Time(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var seconds) => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000)),
            JsonValueKind.String when DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) => at,
            _ => null,
        };
    }
}
