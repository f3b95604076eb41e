using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace IdentityStack.Smoke;

/// <summary>
/// The checks of a deployed stage: the API's public and protected routes, the hosted sign-in page,
/// and a machine client's token (client credentials at the domain's /oauth2/token) let through
/// on a route in its scope and refused on one outside it.
/// </summary>
internal sealed class StageSmokeTest(HttpClient http, ICognitoAppClients cognito, StackOutputs outputs)
{
    /// <summary>A route in the machine client's scope (write) and one outside it (admin).</summary>
    public const string InScopeRoute = "items";
    public const string OutOfScopeRoute = "admin/users";

    public async IAsyncEnumerable<SmokeCheck> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var api = outputs["ApiUrl"].TrimEnd('/') + "/";
        yield return await ExpectAsync("health is public", Request(api + "health"), [HttpStatusCode.OK], cancellationToken).ConfigureAwait(false);
        yield return await ExpectAsync("me needs a token", Request(api + "me"), [HttpStatusCode.Unauthorized], cancellationToken).ConfigureAwait(false);
        yield return await ExpectAsync("hosted sign-in answers", Request(outputs["HostedSignInUrl"]), [HttpStatusCode.OK, HttpStatusCode.Found], cancellationToken).ConfigureAwait(false);

        var (token, tokenCheck) = await MachineTokenAsync(cancellationToken).ConfigureAwait(false);
        yield return tokenCheck;
        if (token is null)
        {
            yield return new SmokeCheck("machine token in scope is let through", false, "not tried: no machine token");
            yield return new SmokeCheck("machine token out of scope is refused", false, "not tried: no machine token");
            yield break;
        }

        var item = Request(api + InScopeRoute, HttpMethod.Post, token);
        item.Content = new StringContent("""{"name":"identity-smoke"}""", Encoding.UTF8, "application/json");
        yield return await ExpectAsync("machine token in scope is let through", item, [HttpStatusCode.Created], cancellationToken).ConfigureAwait(false);
        yield return await ExpectAsync("machine token out of scope is refused", Request(api + OutOfScopeRoute, HttpMethod.Get, token), [HttpStatusCode.Forbidden], cancellationToken).ConfigureAwait(false);
    }

    private static HttpRequestMessage Request(string url, HttpMethod? method = null, string? bearer = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(url));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }

    private async Task<SmokeCheck> ExpectAsync(string name, HttpRequestMessage request, HttpStatusCode[] expected, CancellationToken cancellationToken)
    {
        using (request)
        {
            try
            {
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                return expected.Contains(response.StatusCode)
                    ? new SmokeCheck(name, true, $"HTTP {status}")
                    : new SmokeCheck(name, false, $"HTTP {status}, expected {string.Join(" or ", expected.Select(e => (int)e))} ({request.Method} {request.RequestUri})");
            }
            catch (HttpRequestException error)
            {
                return new SmokeCheck(name, false, $"{request.Method} {request.RequestUri}: {error.Message}");
            }
        }
    }

    private async Task<(string? Token, SmokeCheck Check)> MachineTokenAsync(CancellationToken cancellationToken)
    {
        const string name = "machine client gets a token";
        var clientId = outputs["MachineClientId"];
        try
        {
            var client = await cognito.DescribeUserPoolClientAsync(outputs["UserPoolId"], clientId, cancellationToken).ConfigureAwait(false);
            if (client.ClientSecret is null)
            {
                return (null, new SmokeCheck(name, false, $"client {clientId} has no secret: not a machine (client credentials) client"));
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(outputs["DomainUrl"].TrimEnd('/') + "/oauth2/token"))
            {
                Content = new FormUrlEncodedContent([KeyValuePair.Create("grant_type", "client_credentials")]),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{client.ClientSecret}")));
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var token = response.IsSuccessStatusCode ? JsonSerializer.Deserialize(text, SmokeJsonContext.Default.TokenResponse)?.AccessToken : null;
            return token is null
                ? (null, new SmokeCheck(name, false, $"/oauth2/token answered HTTP {(int)response.StatusCode}: {text}"))
                : (token, new SmokeCheck(name, true, $"client credentials for {clientId}, scopes {string.Join(' ', client.AllowedOAuthScopes ?? [])}"));
        }
        catch (Exception error) when (error is HttpRequestException or JsonException or InvalidDataException or Amazon.Runtime.AmazonClientException)
        {
            return (null, new SmokeCheck(name, false, error.Message));
        }
    }
}
