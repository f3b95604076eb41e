namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>A snapshot in a local directory (offboard's export; a snapshot copied down from S3).</summary>
public sealed class LocalSnapshotStore(string directory) : ISnapshotStore
{
    /// <inheritdoc />
    public string Location => directory.EndsWith(Path.DirectorySeparatorChar) ? directory : directory + Path.DirectorySeparatorChar;

    /// <inheritdoc />
    public async Task PutAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, SafeName(name)), content, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<byte[]?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, SafeName(name));
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>A manifest names files in its own folder only: a name with a path in it is refused.</summary>
    private static string SafeName(string name) =>
        name.Length > 0 && name.Length <= 100 && name.IndexOfAny(['/', '\\', '\0']) < 0 && name is not ("." or "..")
            ? name
            : throw new InvalidDataException($"'{name}' is not a file name of a snapshot folder.");
}
