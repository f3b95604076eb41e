namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>A snapshot that must not be used, with the one-line reason (what is wrong and what to do).</summary>
public sealed class SnapshotRefusedException : Exception
{
    /// <summary>A refusal with its reason.</summary>
    public SnapshotRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>A refusal with its reason and cause.</summary>
    public SnapshotRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A refusal without a reason (for serializers); prefer the others.</summary>
    public SnapshotRefusedException()
    {
    }
}
