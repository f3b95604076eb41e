namespace IdentityStack.Triggers.CustomResources;

/// <summary>Cognito's SetUICustomization, the one call the classic UI custom resource needs.</summary>
internal interface ICognitoUiCustomization
{
    /// <summary>Sets (or, with both null, clears) the classic hosted UI's CSS and logo for a client or "ALL".</summary>
    Task SetUiCustomizationAsync(string userPoolId, string clientId, string? css, string? imageFileBase64, CancellationToken cancellationToken);
}
