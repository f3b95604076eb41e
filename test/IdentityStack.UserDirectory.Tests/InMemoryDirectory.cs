using Amazon.DynamoDBv2.Model;
using IdentityStack.Triggers.Contract;
using IdentityStack.UserDirectory.Export;
using IdentityStack.UserDirectory.Restore;
using IdentityStack.UserDirectory.Snapshots;

namespace IdentityStack.UserDirectory.Tests;

/// <summary>The directory table in memory: scanned in pages of <see cref="PageSize"/> by key order, written only where a key is free.</summary>
internal sealed class InMemoryDirectory : IDirectoryTableScan, IDirectoryItemStore
{
    public SortedDictionary<string, Dictionary<string, AttributeValue>> Items { get; } = new(StringComparer.Ordinal);

    public int PageSize { get; set; } = 2;

    public int Writes { get; private set; }

    public void Put(params (string Name, string Value)[] attributes)
    {
        var item = attributes.ToDictionary(a => a.Name, a => new AttributeValue { S = a.Value }, StringComparer.Ordinal);
        Items[item[DirectoryKeys.PartitionKey].S] = item;
    }

    public Task<(IReadOnlyList<Dictionary<string, AttributeValue>> Items, string? NextKey)> ScanAsync(string? startKey, CancellationToken cancellationToken)
    {
        var after = Items.Where(i => startKey is null || string.CompareOrdinal(i.Key, startKey) > 0).Take(PageSize + 1).ToList();
        var page = after.Take(PageSize).Select(i => i.Value).ToList();
        return Task.FromResult<(IReadOnlyList<Dictionary<string, AttributeValue>>, string?)>((page, after.Count > PageSize ? after[PageSize - 1].Key : null));
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(Items.ContainsKey(key));

    public Task<bool> PutIfAbsentAsync(IReadOnlyDictionary<string, AttributeValue> item, CancellationToken cancellationToken)
    {
        var key = item[DirectoryKeys.PartitionKey].S;
        if (Items.ContainsKey(key))
        {
            return Task.FromResult(false);
        }

        Items[key] = new Dictionary<string, AttributeValue>(item, StringComparer.Ordinal);
        Writes++;
        return Task.FromResult(true);
    }
}

/// <summary>Snapshot folders in memory, by full name (prefix + file).</summary>
internal sealed class InMemorySnapshots
{
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public ISnapshotStore Folder(string prefix) => new Store(this, prefix);

    private sealed class Store(InMemorySnapshots files, string prefix) : ISnapshotStore
    {
        public string Location => "memory://" + prefix;

        public Task PutAsync(string name, byte[] content, CancellationToken cancellationToken)
        {
            files.Files[prefix + name] = content;
            return Task.CompletedTask;
        }

        public Task<byte[]?> GetAsync(string name, CancellationToken cancellationToken) =>
            Task.FromResult(files.Files.TryGetValue(prefix + name, out var content) ? content : null);
    }
}
