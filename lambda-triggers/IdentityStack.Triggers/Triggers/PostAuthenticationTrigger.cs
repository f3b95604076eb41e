using System.Text;
using System.Text.Json;
using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Triggers.Contract;
using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers.Directory;

namespace IdentityStack.Triggers.Triggers;

/// <summary>
/// Post authentication: writes one JSON line per sign-in that is both the audit record and a
/// CloudWatch Embedded Metric Format document: metrics <c>SignIn</c> and <c>NewDeviceSignIn</c> in
/// namespace <c>IdentityStack</c>, by client and identity provider. The tenant it records is the
/// user's tenant by <see cref="UserTenant"/>'s rule (what their tokens carry), not a raw attribute.
/// </summary>
internal sealed class PostAuthenticationTrigger(TriggerSettings settings, TextWriter output, TimeProvider time)
{
    public const string CognitoProvider = "Cognito";

    public async ValueTask<PostAuthenticationEvent> HandleAsync(PostAuthenticationEvent e, ILambdaContext context, CancellationToken cancellationToken)
    {
        var tenant = UserTenant.OrNone(settings, UserOrigin.ProviderOf(e.UserName, e.Request), e.Request);
        var line = AuditLine(e, context.RequestId, ProviderOf(e.Request.Attribute(UserAttributeNames.Identities)), tenant, time.GetUtcNow());
        await output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        return e;
    }

    /// <summary>The provider name of a federated user (from the <c>identities</c> attribute), or Cognito.</summary>
    public static string ProviderOf(string? identities)
    {
        if (string.IsNullOrWhiteSpace(identities))
        {
            return CognitoProvider;
        }

        try
        {
            using var document = JsonDocument.Parse(identities);
            foreach (var identity in document.RootElement.EnumerateArray())
            {
                if (identity.TryGetProperty("providerName", out var name) && name.ValueKind == JsonValueKind.String)
                {
                    return name.GetString()!;
                }
            }
        }
        catch (JsonException)
        {
        }

        return CognitoProvider;
    }

    private static string AuditLine(PostAuthenticationEvent e, string requestId, string provider, string? tenant, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            EmbeddedMetricDirective.Write(json, now, ["ClientId", "Provider"], ["SignIn", "NewDeviceSignIn"]);

            json.WriteString("event", "sign_in");
            json.WriteString("requestId", requestId);
            json.WriteString("userPoolId", e.UserPoolId);
            json.WriteString("userName", e.UserName);
            json.WriteString("sub", e.Request.Attribute(UserAttributeNames.Sub));
            json.WriteString("tenantId", tenant);
            json.WriteString("ClientId", e.CallerContext.ClientId ?? "unknown");
            json.WriteString("Provider", provider);
            json.WriteBoolean("newDeviceUsed", e.Request.NewDeviceUsed);
            json.WriteNumber("SignIn", 1);
            json.WriteNumber("NewDeviceSignIn", e.Request.NewDeviceUsed ? 1 : 0);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
