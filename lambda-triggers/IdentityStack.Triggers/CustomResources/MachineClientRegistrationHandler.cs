using System.Text.Json;
using Amazon.Runtime;
using IdentityStack.Triggers.Contract;
using IdentityStack.Triggers.Directory;

namespace IdentityStack.Triggers.CustomResources;

/// <summary>
/// A machine client's tenant and scopes as a CloudFormation custom resource: Create and Update write
/// the client's directory item, recording the resource as its owner; Delete removes it only while
/// the resource still owns it (a client or table already gone counts as removed). When an update
/// names another client (the app client was replaced), the new item is written and CloudFormation
/// then deletes the old resource, which removes the old client's item; when a new resource
/// registers the same client (a renamed resource), the old resource's delete leaves the new item.
/// </summary>
internal sealed class MachineClientRegistrationHandler(Func<IMachineClientRegistry> registry, HttpClient http, TextWriter log, CloudFormationResponseUrls responseUrls)
    : CustomResourceHandler<MachineClientProperties>(CustomResourceJsonContext.Default.CustomResourceEventMachineClientProperties, http, log, responseUrls)
{
    /// <summary>Most scopes one client may be registered with (Cognito allows 50 per app client).</summary>
    public const int MaxScopes = 50;

    private const string PhysicalIdPrefix = "machine-client:";

    protected override async Task<CustomResourceResponse> HandleAsync(CustomResourceEvent<MachineClientProperties> request, CancellationToken cancellationToken)
    {
        var physicalId = request.PhysicalResourceId ?? PhysicalIdPrefix + request.LogicalResourceId;
        try
        {
            switch (request.RequestType)
            {
                case "Create" or "Update":
                    var client = Read(request.ResourceProperties);
                    await registry().RegisterAsync(client, Owner(request), cancellationToken).ConfigureAwait(false);
                    return Answer(request, "SUCCESS", PhysicalIdPrefix + client.ClientId, reason: null);
                case "Delete":
                    return await DeleteAsync(request, physicalId, cancellationToken).ConfigureAwait(false);
                default:
                    return Answer(request, "FAILED", physicalId, $"RequestType '{request.RequestType}' is not Create, Update or Delete.");
            }
        }
        catch (Exception error) when (error is AmazonServiceException or HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            return Answer(request, "FAILED", physicalId, error.Message);
        }
    }

    /// <summary>
    /// Removes the item of the client the resource registered. A resource whose properties never
    /// named a valid client (its create failed) registered nothing, so there is nothing to remove.
    /// </summary>
    private async Task<CustomResourceResponse> DeleteAsync(CustomResourceEvent<MachineClientProperties> request, string physicalId, CancellationToken cancellationToken)
    {
        if (ClientIdProblem(request.ResourceProperties?.ClientId) is not null)
        {
            return Answer(request, "SUCCESS", physicalId, "No valid ClientId: nothing was registered, nothing to remove.");
        }

        try
        {
            var removed = await registry().UnregisterAsync(request.ResourceProperties!.ClientId!, Owner(request), cancellationToken).ConfigureAwait(false);
            return Answer(request, "SUCCESS", physicalId, removed ? null : "A newer registration owns the client's item: kept.");
        }
        catch (AmazonServiceException error) when (string.Equals(error.ErrorCode, "ResourceNotFoundException", StringComparison.Ordinal))
        {
            return Answer(request, "SUCCESS", physicalId, "The directory table is already gone: " + error.Message);
        }
    }

    /// <summary>The resource that writes a registration: its stack and logical id.</summary>
    internal static string Owner(CustomResourceEvent<MachineClientProperties> request) => $"{request.StackId}|{request.LogicalResourceId}";

    /// <summary>The registration the properties describe, or an error naming the property and what it must be.</summary>
    internal static MachineClient Read(MachineClientProperties? properties)
    {
        if (ClientIdProblem(properties?.ClientId) is { } clientProblem)
        {
            throw new InvalidOperationException(clientProblem);
        }

        var tenant = string.IsNullOrEmpty(properties!.TenantId) ? null : properties.TenantId;
        if (tenant is not null && !TriggerSettingFormats.TenantId().IsMatch(tenant))
        {
            throw new InvalidOperationException($"ResourceProperties.TenantId '{Shorten(tenant)}' is not a tenant id; use {TriggerSettingFormats.TenantIdShape}, or leave it out.");
        }

        return new MachineClient(properties.ClientId!, tenant, Scopes(properties.Scopes));
    }

    private static string? ClientIdProblem(string? clientId) =>
        clientId is { Length: > 0 and <= 128 } && clientId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '+')
            ? null
            : $"ResourceProperties.ClientId '{Shorten(clientId ?? "(missing)")}' is not an app client id; set it to the machine client's id (letters, digits, '_' or '+', at most 128).";

    private static List<string> Scopes(JsonElement? scopes)
    {
        const string Fix = "set it to a list of 1 to 50 full scope names such as identitystack/read.";
        if (scopes is not { ValueKind: JsonValueKind.Array } array || array.GetArrayLength() is 0 or > MaxScopes)
        {
            throw new InvalidOperationException("ResourceProperties.Scopes is missing, empty, too long or not a list; " + Fix);
        }

        var names = new List<string>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { } scope || !TriggerSettingFormats.Scope().IsMatch(scope))
            {
                throw new InvalidOperationException($"ResourceProperties.Scopes[{index}] is {Shorten(item.GetRawText())}, not a scope name; " + Fix);
            }

            if (!names.Contains(scope, StringComparer.Ordinal))
            {
                names.Add(scope);
            }

            index++;
        }

        return names;
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "...";
}
