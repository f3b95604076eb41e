namespace IdentityStack.EndToEnd.Tests.Cognito;

/// <summary>An app client created in cognito-local: its id and, for confidential clients, its secret.</summary>
internal sealed record LocalAppClient(string ClientId, string? ClientSecret);
