namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>Where a snapshot's files are: a folder of an S3 bucket or of the local disk. Names are file names inside the snapshot.</summary>
public interface ISnapshotStore
{
    /// <summary>Where the snapshot is, for messages (s3://bucket/prefix/ or a path).</summary>
    string Location { get; }

    /// <summary>Writes <paramref name="name"/>.</summary>
    Task PutAsync(string name, byte[] content, CancellationToken cancellationToken);

    /// <summary>Reads <paramref name="name"/>; null when there is no such file.</summary>
    Task<byte[]?> GetAsync(string name, CancellationToken cancellationToken);
}
