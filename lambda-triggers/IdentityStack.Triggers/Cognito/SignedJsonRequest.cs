using System.Net.Http.Headers;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace IdentityStack.Triggers.Cognito;

/// <summary>
/// A POST in an AWS JSON protocol (x-amz-json-1.1) with its <c>X-Amz-Target</c>, signed by
/// AWSSDK.Core's SigV4 signer. One home for the request shape: the platform binary's Cognito clients
/// and identity-smoke (which links this file) build their calls with it.
/// </summary>
internal static class SignedJsonRequest
{
    /// <summary>The JSON 1.1 protocol's content type.</summary>
    public const string ContentType = "application/x-amz-json-1.1";

    /// <summary>The signed request; the caller sends and disposes it.</summary>
    public static HttpRequestMessage Create(Uri endpoint, string target, byte[] body, AWSCredentials credentials, RegionEndpoint region, string service, DateTime signedAtUtc)
    {
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = endpoint, Content = body };
        signing.Headers["Content-Type"] = ContentType;
        signing.Headers["X-Amz-Target"] = target;
        var signed = AWSSigV4Signer.Sign(signing, new AWSSigV4Parameters { Credentials = credentials, Region = region, Service = service, SignedAt = signedAtUtc });

        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        // The signer returns the headers it adds (date, payload hash, token, authorization); the signed target header is sent as given.
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        foreach (var (name, value) in signed.Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
