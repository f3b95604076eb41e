namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>A user's membership of a group, by username.</summary>
public sealed record SnapshotMembership(string Group, string Username);
