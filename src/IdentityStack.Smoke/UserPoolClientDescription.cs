namespace IdentityStack.Smoke;

/// <summary>An app client as Cognito describes it.</summary>
internal sealed record UserPoolClientDescription(string ClientId, string? ClientSecret, IReadOnlyList<string>? AllowedOAuthScopes);
