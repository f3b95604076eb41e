namespace IdentityStack.Triggers.Directory;

/// <summary>Where the deploy-time custom resource records machine clients (the directory table).</summary>
internal interface IMachineClientRegistry
{
    /// <summary>Writes the client's item, replacing any earlier one.</summary>
    Task RegisterAsync(MachineClient client, CancellationToken cancellationToken);

    /// <summary>Removes the client's item; removing one that is not there succeeds.</summary>
    Task UnregisterAsync(string clientId, CancellationToken cancellationToken);
}
