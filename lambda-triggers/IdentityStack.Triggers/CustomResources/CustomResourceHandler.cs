using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IdentityStack.Lambda.Runtime;

namespace IdentityStack.Triggers.CustomResources;

/// <summary>
/// What every CloudFormation custom resource of the binary does around its own work: reads the
/// request, lets the resource answer it, logs the outcome and PUTs the answer to the ResponseURL.
/// Every request is answered, failures included, so a stack never waits an hour for an answer; only
/// an event without a ResponseURL, or with one that is not CloudFormation's
/// (<see cref="CloudFormationResponseUrls"/>), throws, before the resource does anything.
/// </summary>
internal abstract class CustomResourceHandler<TProperties>(JsonTypeInfo<CustomResourceEvent<TProperties>> eventType, HttpClient http, TextWriter log, CloudFormationResponseUrls responseUrls) : ILambdaHandler
    where TProperties : class
{
    private static readonly byte[] Done = "{}"u8.ToArray();

    public async ValueTask<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambdaContext context, CancellationToken cancellationToken)
    {
        CustomResourceEvent<TProperties>? request;
        try
        {
            request = JsonSerializer.Deserialize(payload.Span, eventType);
        }
        catch (JsonException error)
        {
            throw new LambdaEventFormatException("The event is not a CloudFormation custom resource request: " + error.Message, error);
        }

        if (request?.ResponseUrl is not { } responseUrl || !Uri.TryCreate(responseUrl, UriKind.Absolute, out var responseUri))
        {
            throw new LambdaEventFormatException("The event has no ResponseURL to answer CloudFormation on; it is not a custom resource request.");
        }

        if (!responseUrls.IsAllowed(responseUri))
        {
            throw new LambdaEventFormatException($"The event's ResponseURL (host '{responseUri.Host}') is not a CloudFormation response URL; nothing was done.");
        }

        var response = await HandleAsync(request, cancellationToken).ConfigureAwait(false);
        await log.WriteLineAsync($"{request.RequestType} {request.LogicalResourceId}: {response.Status}{(response.Reason is null ? string.Empty : " (" + response.Reason + ")")}").ConfigureAwait(false);
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(response, CustomResourceJsonContext.Default.CustomResourceResponse));
        using var answer = await http.PutAsync(responseUri, content, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"CloudFormation's ResponseURL refused the answer: HTTP {(int)answer.StatusCode}.");
        }

        return Done;
    }

    /// <summary>The resource's answer to the request: SUCCESS, or FAILED with the reason CloudFormation shows.</summary>
    protected abstract Task<CustomResourceResponse> HandleAsync(CustomResourceEvent<TProperties> request, CancellationToken cancellationToken);

    protected static CustomResourceResponse Answer(CustomResourceEvent<TProperties> request, string status, string physicalId, string? reason) => new()
    {
        Status = status,
        Reason = reason,
        PhysicalResourceId = physicalId,
        StackId = request.StackId,
        RequestId = request.RequestId,
        LogicalResourceId = request.LogicalResourceId,
    };
}
