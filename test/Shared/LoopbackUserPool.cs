using System.Net;
using System.Text;
using IdentityStack.UserDirectory.Cognito;
using IdentityStack.UserDirectory.Tests;

namespace IdentityStack.Testing;

/// <summary>The in-memory <see cref="FakeUserPool"/> behind Cognito's JSON protocol on 127.0.0.1, errors as Cognito sends them.</summary>
internal sealed class LoopbackUserPool : LoopbackHttpServer
{
    public LoopbackUserPool(FakeUserPool pool)
    {
        Pool = pool;
        Start();
    }

    public FakeUserPool Pool { get; }

    protected override async Task HandleAsync(HttpListenerContext context, string body)
    {
        var operation = (context.Request.Headers["X-Amz-Target"] ?? string.Empty).Split('.').Last();
        try
        {
            var answer = await Pool.PostAsync(operation, Encoding.UTF8.GetBytes(body), CancellationToken.None).ConfigureAwait(false);
            await WriteAsync(context.Response, HttpStatusCode.OK, "application/x-amz-json-1.1", answer).ConfigureAwait(false);
        }
        catch (UserPoolCallException error)
        {
            await WriteAsync(context.Response, HttpStatusCode.BadRequest, "application/x-amz-json-1.1", $$"""{"__type":"{{error.ErrorType}}","message":"{{error.Message.Replace("\"", "'", StringComparison.Ordinal)}}"}""").ConfigureAwait(false);
        }
    }
}
