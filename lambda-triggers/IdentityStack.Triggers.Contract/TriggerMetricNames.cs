namespace IdentityStack.Triggers.Contract;

/// <summary>
/// The metrics the triggers count in their logs (CloudWatch Embedded Metric Format, namespace
/// <see cref="Namespace"/>, no dimensions) and the CDK's alarms watch: one name on both sides.
/// </summary>
public static class TriggerMetricNames
{
    /// <summary>The CloudWatch namespace of the platform's own metrics.</summary>
    public const string Namespace = "IdentityStack";

    /// <summary>A client-credentials token refused because its app client is not a registered machine client.</summary>
    public const string UnregisteredMachineClientToken = "UnregisteredMachineClientToken";

    /// <summary>A federated sign-in refused because the provider asserted a tenant outside its list.</summary>
    public const string ForeignProviderTenant = "ForeignProviderTenant";

    /// <summary>A developer login refused for a wrong username or password (the route's guessing rate).</summary>
    public const string DeveloperLoginFailure = "DeveloperLoginFailure";
}
