namespace IdentityStack.App.Configuration;

/// <summary>The CPU the Native AOT trigger functions are built for and run on.</summary>
internal enum TriggerArchitecture
{
    /// <summary>Graviton: cheaper per GB-second. The default.</summary>
    Arm64,

    /// <summary>Intel/AMD.</summary>
    X86_64,
}
