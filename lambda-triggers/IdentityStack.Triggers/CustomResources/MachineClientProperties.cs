using System.Text.Json;

namespace IdentityStack.Triggers.CustomResources;

/// <summary>
/// The machine client registration's properties. <see cref="Scopes"/> is read as raw JSON so that a
/// malformed value is answered as a FAILED request naming the property, never left unanswered.
/// </summary>
internal sealed record MachineClientProperties
{
    /// <summary>The app client id (client credentials).</summary>
    public string? ClientId { get; init; }

    /// <summary>The tenant the client acts for; absent for a client of no tenant.</summary>
    public string? TenantId { get; init; }

    /// <summary>The full names of the scopes its tokens may carry: a JSON array of strings.</summary>
    public JsonElement? Scopes { get; init; }
}
