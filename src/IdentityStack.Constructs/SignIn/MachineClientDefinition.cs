using System.Globalization;
using System.Text.RegularExpressions;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Constructs.SignIn;

/// <summary>
/// A machine-to-machine app client (client credentials) besides the default one: the program it
/// serves, the tenant it acts for, and the API scopes its access tokens carry. The pre token
/// generation trigger (event version 3) puts the tenant into its tokens as <c>tenant_id</c>.
/// </summary>
/// <param name="Name">What the client is for: 1-32 lower-case letters and digits in words joined by single hyphens (e.g. <c>billing-export</c>); part of the client's name, construct id and outputs.</param>
public sealed partial record MachineClientDefinition(string Name)
{
    /// <summary>Most machine clients one sign-in may define besides the default one.</summary>
    public const int MaxCount = 10;

    /// <summary>The scopes a machine client may have: the admin scope comes only from membership of the admin group, so a person answers for it.</summary>
    public static readonly IReadOnlyList<string> AllowedScopes = [ApiScopeNames.Read, ApiScopeNames.Write];

    /// <summary>The tenant the client acts for (its tokens' <c>tenant_id</c>); null for a client of no tenant. Default null.</summary>
    public string? TenantId { get; init; }

    /// <summary>Scope names of the resource server its tokens carry: <c>read</c> and/or <c>write</c>. Default read.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [ApiScopeNames.Read];

    /// <summary>A machine client name: at most 32 lower-case letters and digits in words joined by single hyphens, starting with a letter.</summary>
    [GeneratedRegex("^(?=.{1,32}$)[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    public static partial Regex NamePattern();

    /// <summary>Every problem of this client (property paths relative to it).</summary>
    public IReadOnlyList<PropsProblem> Problems()
    {
        var problems = new List<PropsProblem>();
        if (string.IsNullOrEmpty(Name) || !NamePattern().IsMatch(Name))
        {
            problems.Add(new(nameof(Name), PropsProblem.Quoted(Name), "use 1-32 lower-case letters and digits, starting with a letter, words joined by single hyphens, e.g. \"billing-export\"."));
        }

        if (TenantId is not null && !TriggerSettingFormats.TenantId().IsMatch(TenantId))
        {
            problems.Add(new(nameof(TenantId), PropsProblem.Quoted(TenantId), $"use {TriggerSettingFormats.TenantIdShape} (e.g. \"acme-01\"), or leave it out for a client of no tenant."));
        }

        if (Scopes is null || Scopes.Count == 0)
        {
            problems.Add(new(nameof(Scopes), "none", "list the scopes its tokens carry: \"read\" and/or \"write\"."));
            return problems;
        }

        for (var i = 0; i < Scopes.Count; i++)
        {
            var scope = Scopes[i];
            if (!AllowedScopes.Contains(scope, StringComparer.Ordinal))
            {
                var why = string.Equals(scope, ApiScopeNames.Admin, StringComparison.Ordinal)
                    ? "the admin scope comes only from membership of the admin group, so that a person answers for it; give the machine read and/or write."
                    : "use \"read\" or \"write\" (names of the resource server's scopes, without its identifier).";
                problems.Add(new(string.Create(CultureInfo.InvariantCulture, $"{nameof(Scopes)}[{i}]"), PropsProblem.Quoted(scope), why));
            }
            else if (Scopes.Take(i).Contains(scope, StringComparer.Ordinal))
            {
                problems.Add(new(string.Create(CultureInfo.InvariantCulture, $"{nameof(Scopes)}[{i}]"), PropsProblem.Quoted(scope), "listed twice; list each scope once."));
            }
        }

        return problems;
    }
}
