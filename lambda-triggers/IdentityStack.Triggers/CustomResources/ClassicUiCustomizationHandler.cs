using System.Text.Json;
using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers.Cognito;

namespace IdentityStack.Triggers.CustomResources;

/// <summary>
/// The classic hosted UI's CSS and logo as a CloudFormation custom resource: Create and Update
/// call SetUICustomization, Delete clears it (a pool that is already gone counts as cleared).
/// Every request is answered on its ResponseURL, failures included, so a stack never waits an
/// hour for an answer; only an event without a ResponseURL, which cannot be answered, throws.
/// </summary>
internal sealed class ClassicUiCustomizationHandler(ICognitoUiCustomization cognito, HttpClient http, TextWriter log) : ILambdaHandler
{
    private static readonly byte[] Done = "{}"u8.ToArray();

    public async ValueTask<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambdaContext context, CancellationToken cancellationToken)
    {
        CustomResourceEvent? request;
        try
        {
            request = JsonSerializer.Deserialize(payload.Span, CustomResourceJsonContext.Default.CustomResourceEvent);
        }
        catch (JsonException error)
        {
            throw new LambdaEventFormatException("The event is not a CloudFormation custom resource request: " + error.Message, error);
        }

        if (request?.ResponseUrl is not { } responseUrl || !Uri.TryCreate(responseUrl, UriKind.Absolute, out var responseUri))
        {
            throw new LambdaEventFormatException("The event has no ResponseURL to answer CloudFormation on; it is not a custom resource request.");
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

    private async Task<CustomResourceResponse> HandleAsync(CustomResourceEvent request, CancellationToken cancellationToken)
    {
        var properties = request.ResourceProperties;
        var physicalId = request.PhysicalResourceId ?? $"{properties?.UserPoolId}:{properties?.ClientId}:classic-ui";
        try
        {
            switch (request.RequestType)
            {
                case "Create" or "Update":
                    var (poolId, clientId) = Target(properties);
                    await cognito.SetUiCustomizationAsync(poolId, clientId, properties!.Css, properties.ImageFile, cancellationToken).ConfigureAwait(false);
                    return Answer(request, "SUCCESS", $"{poolId}:{clientId}:classic-ui", reason: null);
                case "Delete":
                    return await DeleteAsync(request, properties, physicalId, cancellationToken).ConfigureAwait(false);
                default:
                    return Answer(request, "FAILED", physicalId, $"RequestType '{request.RequestType}' is not Create, Update or Delete.");
            }
        }
        catch (Exception error) when (error is CognitoServiceException or HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            return Answer(request, "FAILED", physicalId, error.Message);
        }
    }

    private async Task<CustomResourceResponse> DeleteAsync(CustomResourceEvent request, ClassicUiProperties? properties, string physicalId, CancellationToken cancellationToken)
    {
        try
        {
            var (poolId, clientId) = Target(properties);
            await cognito.SetUiCustomizationAsync(poolId, clientId, css: null, imageFileBase64: null, cancellationToken).ConfigureAwait(false);
            return Answer(request, "SUCCESS", physicalId, reason: null);
        }
        catch (CognitoServiceException error) when (string.Equals(error.ErrorType, "ResourceNotFoundException", StringComparison.Ordinal))
        {
            return Answer(request, "SUCCESS", physicalId, "The pool or client is already gone: " + error.Message);
        }
    }

    private static (string PoolId, string ClientId) Target(ClassicUiProperties? properties)
    {
        if (string.IsNullOrEmpty(properties?.UserPoolId))
        {
            throw new InvalidOperationException("ResourceProperties.UserPoolId is missing; set it to the pool's id.");
        }

        if (string.IsNullOrEmpty(properties.ClientId))
        {
            throw new InvalidOperationException("ResourceProperties.ClientId is missing; set it to an app client id or ALL.");
        }

        return (properties.UserPoolId, properties.ClientId);
    }

    private static CustomResourceResponse Answer(CustomResourceEvent request, string status, string physicalId, string? reason) => new()
    {
        Status = status,
        Reason = reason,
        PhysicalResourceId = physicalId,
        StackId = request.StackId,
        RequestId = request.RequestId,
        LogicalResourceId = request.LogicalResourceId,
    };
}
