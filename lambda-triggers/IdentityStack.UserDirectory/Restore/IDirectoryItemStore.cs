using Amazon.DynamoDBv2.Model;

namespace IdentityStack.UserDirectory.Restore;

/// <summary>The directory table as the restore uses it: is a key there, and write an item only where none is.</summary>
public interface IDirectoryItemStore
{
    /// <summary>Whether an item with partition key <paramref name="key"/> exists.</summary>
    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="item"/> unless an item with its key exists; whether it was written.</summary>
    Task<bool> PutIfAbsentAsync(IReadOnlyDictionary<string, AttributeValue> item, CancellationToken cancellationToken);
}
