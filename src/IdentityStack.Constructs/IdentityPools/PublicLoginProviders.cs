namespace IdentityStack.Constructs.IdentityPools;

/// <summary>App ids of social providers whose tokens the identity pool takes directly (not through the user pool).</summary>
public sealed record PublicLoginProviders
{
    /// <summary>Google client id (accounts.google.com).</summary>
    public string? Google { get; init; }

    /// <summary>Facebook app id (graph.facebook.com).</summary>
    public string? Facebook { get; init; }

    /// <summary>Login with Amazon app id (www.amazon.com).</summary>
    public string? Amazon { get; init; }

    /// <summary>Sign in with Apple services id (appleid.apple.com).</summary>
    public string? Apple { get; init; }

    /// <summary>CloudFormation's SupportedLoginProviders map: provider domain to app id, only those set.</summary>
    public IDictionary<string, string> ToSupportedLoginProviders()
    {
        var providers = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(providers, "accounts.google.com", Google);
        Add(providers, "graph.facebook.com", Facebook);
        Add(providers, "www.amazon.com", Amazon);
        Add(providers, "appleid.apple.com", Apple);
        return providers;
    }

    private static void Add(Dictionary<string, string> providers, string domain, string? appId)
    {
        if (!string.IsNullOrWhiteSpace(appId))
        {
            providers[domain] = appId;
        }
    }
}
