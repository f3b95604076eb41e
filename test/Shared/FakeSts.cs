using System.Net;

namespace IdentityStack.Testing;

/// <summary>An STS endpoint on 127.0.0.1 that answers GetCallerIdentity (Query protocol, XML) with <see cref="Arn"/>.</summary>
internal sealed class FakeSts : LoopbackHttpServer
{
    public FakeSts() => Start();

    public string Arn { get; set; } = "arn:aws:sts::123456789012:assumed-role/platform-oncall/jane";

    protected override Task HandleAsync(HttpListenerContext context, string body) =>
        WriteAsync(context.Response, HttpStatusCode.OK, "text/xml", $"""
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <GetCallerIdentityResult><Arn>{Arn}</Arn><UserId>AROAEXAMPLE:jane</UserId><Account>123456789012</Account></GetCallerIdentityResult>
              <ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata>
            </GetCallerIdentityResponse>
            """);
}
