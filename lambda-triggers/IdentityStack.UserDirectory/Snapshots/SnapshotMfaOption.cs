namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>An MFA option of a user (the legacy SMS setting ListUsers shows): delivery medium and attribute.</summary>
public sealed record SnapshotMfaOption(string? DeliveryMedium, string? AttributeName);
