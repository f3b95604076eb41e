using System.Text.Json;
using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers.Contract;
using static IdentityStack.Triggers.Api.HttpApiResponses;

namespace IdentityStack.Triggers.Api;

/// <summary>
/// The HTTP API backend (payload v2.0). API Gateway's JWT authorizer has already checked the token
/// and the route's scopes; the backend reads the verified claims and checks again what matters
/// (defence in depth): write scope for POST /items, admin scope and the admin group for
/// /admin/users, which lists only the caller's own tenant (a caller without a tenant gets 403, never
/// everyone), a page at a time (<c>?cursor=</c> from the page before). Admin and write routes ask the
/// directory whether the caller's tenant is suspended now: an access token issued before the
/// suspension is valid until it expires, and these routes must not wait for that. A malformed event
/// or missing claims answer 4xx with a JSON error, never a crash.
/// </summary>
internal sealed class ApiBackend(string resourceServer, string adminGroup, Func<IUserListing> users, TimeProvider time) : ILambdaHandler
{
    private const int UserPageSize = 50;
    private static readonly ApiJsonContext Json = ApiJsonContext.Default;

    public async ValueTask<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambdaContext context, CancellationToken cancellationToken)
    {
        HttpApiResponse response;
        try
        {
            var request = JsonSerializer.Deserialize(payload.Span, Json.HttpApiRequest);
            response = request?.RequestContext?.Http is { Method: { } method, Path: { } path }
                ? await RouteAsync(method, path, request, cancellationToken).ConfigureAwait(false)
                : Error(400, "bad_request", "The event is not an HTTP API payload v2.0 request (requestContext.http is missing).");
        }
        catch (JsonException)
        {
            response = Error(400, "bad_request", "The event is not valid JSON.");
        }

        return JsonSerializer.SerializeToUtf8Bytes(response, Json.HttpApiResponse);
    }

    private async Task<HttpApiResponse> RouteAsync(string method, string path, HttpApiRequest request, CancellationToken cancellationToken)
    {
        var route = ApiRouteTable.Find(method, path);
        if (route is null)
        {
            return Error(404, "not_found", $"No route {method} {path}.");
        }

        if (route == ApiRouteTable.DeveloperLogin)
        {
            // Served by its own function and role (DeveloperLoginHandler), never by the backend.
            return Error(404, "not_found", $"No route {method} {path} on the backend: the developer login has a function of its own.");
        }

        if (!route.RequiresToken)
        {
            return Ok(200, new HealthResponse("ok"), Json.HealthResponse);
        }

        if (Caller.From(request.RequestContext?.Authorizer?.Jwt) is not { } caller)
        {
            return Error(401, "unauthorized", "The request carries no verified token subject; send a bearer token from the user pool.");
        }

        if (route == ApiRouteTable.Me)
        {
            return Ok(200, new MeResponse(caller.Sub, caller.Username, caller.Groups, caller.Tenant, caller.Scopes), Json.MeResponse);
        }

        return route == ApiRouteTable.CreateItem
            ? await CreateItemAsync(caller, request, cancellationToken).ConfigureAwait(false)
            : await ListUsersAsync(caller, request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpApiResponse> ListUsersAsync(Caller caller, HttpApiRequest request, CancellationToken cancellationToken)
    {
        var adminScope = ApiScopeNames.Qualified(resourceServer, ApiRouteTable.ListUsers.Scope!);
        if (!caller.HasScope(adminScope) || !caller.InGroup(adminGroup))
        {
            return Error(403, "forbidden", $"Admin routes need the {adminScope} scope and membership of the '{adminGroup}' group.");
        }

        if (caller.Tenant is not { } tenant)
        {
            return Error(403, "forbidden", "The admin listing shows the users of the caller's tenant, and this token carries no tenant_id.");
        }

        if (await users().IsTenantSuspendedAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            return Suspended();
        }

        UserListingCursor? after = null;
        if (request.QueryStringParameters?.TryGetValue("cursor", out var cursor) == true
            && (after = UserListingCursor.TryDecode(cursor)) is null)
        {
            return Error(400, "bad_request", "cursor is not one this API gave out; pass nextCursor from the previous page unchanged, or leave it out for the first page.");
        }

        var page = await users().ListUsersAsync(tenant, UserPageSize, after, cancellationToken).ConfigureAwait(false);
        return Ok(200, new UsersResponse(page.Users, page.NextCursor?.Encode()), Json.UsersResponse);
    }

    private async Task<HttpApiResponse> CreateItemAsync(Caller caller, HttpApiRequest request, CancellationToken cancellationToken)
    {
        var writeScope = ApiScopeNames.Qualified(resourceServer, ApiRouteTable.CreateItem.Scope!);
        if (!caller.HasScope(writeScope))
        {
            return Error(403, "forbidden", $"Creating items needs the {writeScope} scope.");
        }

        if (caller.Tenant is { } tenant && await users().IsTenantSuspendedAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            return Suspended();
        }

        ItemRequest? item;
        try
        {
            var body = HttpApiResponses.BodyText(request);
            item = string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize(body, Json.ItemRequest);
        }
        catch (Exception error) when (error is JsonException or FormatException)
        {
            return Error(400, "bad_request", "The body is not JSON like {\"name\": \"...\"}.");
        }

        if (item?.Name is not { Length: > 0 and <= 200 } name)
        {
            return Error(400, "bad_request", "body.name is required: 1-200 characters.");
        }

        var id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}");
        return Ok(201, new ItemResponse(id, name, caller.Sub, caller.Tenant), Json.ItemResponse);
    }

    private static HttpApiResponse Suspended() =>
        Error(403, "tenant_suspended", "Your organisation's access is suspended. Contact your administrator.");
}
