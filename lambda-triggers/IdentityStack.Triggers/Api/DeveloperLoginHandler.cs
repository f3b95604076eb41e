using System.Text.Json;
using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers.Contract;
using static IdentityStack.Triggers.Api.HttpApiResponses;

namespace IdentityStack.Triggers.Api;

/// <summary>
/// The developer login's own function (<see cref="ApiHandlerNames.DeveloperLogin"/>): only POST
/// /developer-identity, with a role of its own that may issue developer identities; the API's
/// backend has no such right. Any other route answers 404; a malformed event 400.
/// </summary>
internal sealed class DeveloperLoginHandler(DeveloperLogin login) : ILambdaHandler
{
    private static readonly ApiJsonContext Json = ApiJsonContext.Default;

    public async ValueTask<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambdaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        HttpApiResponse response;
        try
        {
            var request = JsonSerializer.Deserialize(payload.Span, Json.HttpApiRequest);
            response = request?.RequestContext?.Http is { Method: { } method, Path: { } path }
                ? ApiRouteTable.Find(method, path) == ApiRouteTable.DeveloperLogin
                    ? await login.SignInAsync(request, context.RequestId, cancellationToken).ConfigureAwait(false)
                    : Error(404, "not_found", $"No route {method} {path} on the developer login function.")
                : Error(400, "bad_request", "The event is not an HTTP API payload v2.0 request (requestContext.http is missing).");
        }
        catch (JsonException)
        {
            response = Error(400, "bad_request", "The event is not valid JSON.");
        }

        return JsonSerializer.SerializeToUtf8Bytes(response, Json.HttpApiResponse);
    }
}
