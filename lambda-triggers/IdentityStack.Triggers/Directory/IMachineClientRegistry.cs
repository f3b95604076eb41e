namespace IdentityStack.Triggers.Directory;

/// <summary>Where the deploy-time custom resource records machine clients (the directory table).</summary>
internal interface IMachineClientRegistry
{
    /// <summary>Writes the client's item, replacing any earlier one, as <paramref name="owner"/>'s (the custom resource that registers it).</summary>
    Task RegisterAsync(MachineClient client, string owner, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the client's item when <paramref name="owner"/> wrote it (or nobody is recorded);
    /// removing one that is not there succeeds. Returns false when a newer registration owns the
    /// item, which is then kept.
    /// </summary>
    Task<bool> UnregisterAsync(string clientId, string owner, CancellationToken cancellationToken);
}
