using IdentityStack.Triggers.Cognito;

namespace IdentityStack.Triggers.CustomResources;

/// <summary>
/// The classic hosted UI's CSS and logo as a CloudFormation custom resource: Create and Update
/// call SetUICustomization, Delete clears it (a pool that is already gone counts as cleared).
/// </summary>
internal sealed class ClassicUiCustomizationHandler(ICognitoUiCustomization cognito, HttpClient http, TextWriter log, CloudFormationResponseUrls responseUrls)
    : CustomResourceHandler<ClassicUiProperties>(CustomResourceJsonContext.Default.CustomResourceEventClassicUiProperties, http, log, responseUrls)
{
    protected override async Task<CustomResourceResponse> HandleAsync(CustomResourceEvent<ClassicUiProperties> request, CancellationToken cancellationToken)
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

    private async Task<CustomResourceResponse> DeleteAsync(CustomResourceEvent<ClassicUiProperties> request, ClassicUiProperties? properties, string physicalId, CancellationToken cancellationToken)
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
}
