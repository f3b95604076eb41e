namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>A group of the pool: name, description, precedence and IAM role.</summary>
public sealed record SnapshotGroup(string Name, string? Description, int? Precedence, string? RoleArn);
