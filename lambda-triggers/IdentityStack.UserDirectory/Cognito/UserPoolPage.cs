namespace IdentityStack.UserDirectory.Cognito;

/// <summary>One page of a Cognito listing and the token of the next (null on the last page).</summary>
public sealed record UserPoolPage<T>(IReadOnlyList<T> Items, string? Next);
