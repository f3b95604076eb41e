using System.Net;
using IdentityStack.EndToEnd.Tests.Template;
using IdentityStack.Testing;

namespace IdentityStack.EndToEnd.Tests.Api;

/// <summary>
/// The local HTTP API on a loopback port, for a browser: each request goes through
/// <see cref="LocalHttpApi"/> (the synthesized authorizer and routes, the real backend), with the
/// CORS answers API Gateway gives for the template's <c>CorsConfiguration</c> (allowed origins,
/// methods and headers; none for any other origin).
/// </summary>
internal sealed class LocalHttpApiServer : LoopbackHttpServer
{
    private readonly LocalHttpApi _api;
    private readonly List<string> _origins;
    private readonly string _methods;
    private readonly string _headers;
    private readonly string _maxAge;

    public LocalHttpApiServer(LocalHttpApi api, SynthesizedTemplate template)
    {
        _api = api;
        var cors = template.Single("AWS::ApiGatewayV2::Api").Properties["CorsConfiguration"]
            ?? throw new InvalidDataException("the HTTP API in the template has no CorsConfiguration");
        _origins = [.. cors["AllowOrigins"]!.AsArray().Select(o => (string)o!)];
        _methods = string.Join(',', cors["AllowMethods"]!.AsArray().Select(m => (string)m!));
        _headers = string.Join(',', cors["AllowHeaders"]!.AsArray().Select(h => (string)h!));
        _maxAge = ((int?)cors["MaxAge"] ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Start();
    }

    /// <summary>The origins the template lets call the API.</summary>
    public IReadOnlyList<string> AllowedOrigins => _origins;

    protected override async Task HandleAsync(HttpListenerContext context, string body)
    {
        var request = context.Request;
        var origin = request.Headers["Origin"];
        var allowed = origin is not null && _origins.Contains(origin, StringComparer.Ordinal);
        if (allowed)
        {
            context.Response.AddHeader("Access-Control-Allow-Origin", origin!);
            context.Response.AddHeader("Vary", "Origin");
        }

        if (string.Equals(request.HttpMethod, "OPTIONS", StringComparison.Ordinal) && request.Headers["Access-Control-Request-Method"] is not null)
        {
            if (allowed)
            {
                context.Response.AddHeader("Access-Control-Allow-Methods", _methods);
                context.Response.AddHeader("Access-Control-Allow-Headers", _headers);
                context.Response.AddHeader("Access-Control-Max-Age", _maxAge);
            }

            await WriteAsync(context.Response, HttpStatusCode.NoContent, "text/plain", string.Empty).ConfigureAwait(false);
            return;
        }

        var result = await _api.SendAsync(request.HttpMethod, request.Url!.AbsolutePath, request.Headers["Authorization"], body.Length == 0 ? null : body).ConfigureAwait(false);
        await WriteAsync(context.Response, (HttpStatusCode)result.Status, "application/json", result.Body?.ToJsonString() ?? string.Empty).ConfigureAwait(false);
    }
}
