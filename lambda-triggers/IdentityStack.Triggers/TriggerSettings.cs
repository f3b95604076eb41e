using IdentityStack.Triggers.Contract;

namespace IdentityStack.Triggers;

/// <summary>
/// The triggers' configuration, from environment variables the CDK wiring sets. Malformed values
/// stop the function at init with a message naming the variable and the fix.
/// </summary>
internal sealed record TriggerSettings
{
    /// <summary>Claims removed from ID and access tokens: phone numbers are for MFA and recovery, not for apps.</summary>
    private static readonly string[] PhoneClaims = ["phone_number", "phone_number_verified"];

    /// <summary>Lower-case domains allowed to sign up; empty allows any.</summary>
    public IReadOnlySet<string> AllowedEmailDomains { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Identity provider names whose email addresses count as verified (providers that send no <c>email_verified</c>).</summary>
    public IReadOnlySet<string> TrustedEmailProviders { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The tenants each identity provider may assert (by provider name, case-insensitive).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ProviderTenants { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The fixed tenant of every user of a provider (by provider name, case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> ProviderFixedTenants { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Identity provider names whose users the email allow-list does not apply to.</summary>
    public IReadOnlySet<string> AllowListExemptProviders { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>DynamoDB table of user profiles and tenants.</summary>
    public string? DirectoryTable { get; init; }

    /// <summary>DynamoDB table of the legacy user store (user migration).</summary>
    public string? LegacyUsersTable { get; init; }

    /// <summary>Scopes each group adds to the access token, e.g. admins -> identitystack/admin.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> GroupScopes { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>Whether the pool sends email through SES (HTML allowed) rather than Cognito's default sender.</summary>
    public bool SendsEmailThroughSes { get; init; }

    /// <summary>Claims removed from ID and access tokens.</summary>
    public IReadOnlyList<string> SuppressedClaims { get; init; } = PhoneClaims;

    /// <summary>Reads the settings; throws <see cref="InvalidOperationException"/> naming each bad variable.</summary>
    public static TriggerSettings FromEnvironment(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var problems = new List<string>();

        var domains = TriggerSettingFormats.ParseList(read(TriggerEnvironment.AllowedEmailDomains));
        foreach (var domain in domains.Where(d => !TriggerSettingFormats.Domain().IsMatch(d)))
        {
            problems.Add($"{TriggerEnvironment.AllowedEmailDomains}: '{domain}' is not a lower-case domain; use a comma-separated list such as 'example.com,example.org'.");
        }

        var malformedGroupScopes = TriggerSettingFormats.ParseNamedLists(read(TriggerEnvironment.GroupScopes), TriggerSettingFormats.Scope().IsMatch, out var groupScopes);
        foreach (var entry in malformedGroupScopes)
        {
            problems.Add($"{TriggerEnvironment.GroupScopes}: '{entry}' is not 'group=scope[,scope]'; use e.g. 'admins=identitystack/admin;members=identitystack/read'.");
        }

        var malformedProviderTenants = TriggerSettingFormats.ParseNamedLists(read(TriggerEnvironment.ProviderTenants), TriggerSettingFormats.TenantId().IsMatch, out var providerTenants, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in malformedProviderTenants)
        {
            problems.Add($"{TriggerEnvironment.ProviderTenants}: '{entry}' is not 'provider=tenant[,tenant]' with each tenant {TriggerSettingFormats.TenantIdShape}.");
        }

        var malformedFixedTenants = TriggerSettingFormats.ParseNamedLists(read(TriggerEnvironment.ProviderFixedTenants), TriggerSettingFormats.TenantId().IsMatch, out var fixedTenants, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in malformedFixedTenants.Concat(fixedTenants.Where(f => f.Value.Count != 1).Select(f => f.Key + "=" + TriggerSettingFormats.EncodeList(f.Value))))
        {
            problems.Add($"{TriggerEnvironment.ProviderFixedTenants}: '{entry}' is not 'provider=tenant' with one tenant, {TriggerSettingFormats.TenantIdShape}.");
        }

        foreach (var provider in fixedTenants.Keys.Where(providerTenants.ContainsKey))
        {
            problems.Add($"{TriggerEnvironment.ProviderFixedTenants}: provider '{provider}' also has a tenant list in {TriggerEnvironment.ProviderTenants}; a provider has either a fixed tenant or a list, not both.");
        }

        var sender = read(TriggerEnvironment.EmailSender)?.Trim() ?? TriggerSettingFormats.CognitoSender;
        if (sender is not (TriggerSettingFormats.CognitoSender or TriggerSettingFormats.SesSender))
        {
            problems.Add($"{TriggerEnvironment.EmailSender}: '{sender}' is neither '{TriggerSettingFormats.CognitoSender}' nor '{TriggerSettingFormats.SesSender}'.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid trigger configuration: " + string.Join(" ", problems));
        }

        return new TriggerSettings
        {
            AllowedEmailDomains = domains.ToHashSet(StringComparer.Ordinal),
            TrustedEmailProviders = TriggerSettingFormats.ParseList(read(TriggerEnvironment.TrustedEmailProviders)).ToHashSet(StringComparer.OrdinalIgnoreCase),
            ProviderTenants = providerTenants,
            ProviderFixedTenants = fixedTenants.ToDictionary(f => f.Key, f => f.Value[0], StringComparer.OrdinalIgnoreCase),
            AllowListExemptProviders = TriggerSettingFormats.ParseList(read(TriggerEnvironment.AllowListExemptProviders)).ToHashSet(StringComparer.OrdinalIgnoreCase),
            DirectoryTable = Blank(read(TriggerEnvironment.DirectoryTable)),
            LegacyUsersTable = Blank(read(TriggerEnvironment.LegacyUsersTable)),
            GroupScopes = groupScopes,
            SendsEmailThroughSes = string.Equals(sender, TriggerSettingFormats.SesSender, StringComparison.Ordinal),
        };
    }

    /// <summary>Whether <paramref name="email"/> is at an allowed domain (or a subdomain of one); any address when no list is set.</summary>
    public bool IsAllowedEmail(string? email)
    {
        if (AllowedEmailDomains.Count == 0)
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }

        var domain = email[(email.LastIndexOf('@') + 1)..].Trim().ToLowerInvariant();
        return AllowedEmailDomains.Any(allowed =>
            string.Equals(domain, allowed, StringComparison.Ordinal) || domain.EndsWith("." + allowed, StringComparison.Ordinal));
    }

    /// <summary>Whether users of <paramref name="provider"/> (null: a pool user, never exempt) are outside the email allow-list.</summary>
    public bool IsExemptFromAllowList(string? provider) => provider is not null && AllowListExemptProviders.Contains(provider);

    /// <summary>The table a trigger needs, or an init error naming the variable.</summary>
    public static string Require(string? value, string variable) =>
        value ?? throw new InvalidOperationException($"{variable} is not set: the CDK wiring passes the table name to this trigger; set it to the DynamoDB table name.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
