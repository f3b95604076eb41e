using System.Globalization;

namespace IdentityStack.Constructs.Federation;

/// <summary>
/// With an email allow-list, the triggers give tokens only to users whose email is verified (and at
/// an allowed domain). A federated user's email counts as verified only by their provider's
/// <c>email_verified</c>, or when the provider is trusted for email; so a provider that sends no such
/// claim, is not trusted and is not exempt from the list could never give its users tokens. That is
/// refused here, at synth, naming the provider, instead of at every one of its users' sign-ins.
/// </summary>
public static class FederatedEmailRules
{
    /// <summary>Every provider of <paramref name="providers"/> whose users could never get tokens under <paramref name="allowedEmailDomains"/>, one problem each at <c>{property}[i].TrustEmail</c>.</summary>
    public static IReadOnlyList<PropsProblem> Problems(string property, IReadOnlyList<string>? allowedEmailDomains, IReadOnlyList<FederatedProvider?>? providers)
    {
        var problems = new List<PropsProblem>();
        for (var i = 0; i < (providers?.Count ?? 0); i++)
        {
            if (providers![i] is { } provider && Problem(allowedEmailDomains, provider) is { } problem)
            {
                problems.Add(problem.Under(string.Create(CultureInfo.InvariantCulture, $"{property}[{i}]")));
            }
        }

        return problems;
    }

    /// <summary>The problem (at <c>TrustEmail</c>) when <paramref name="provider"/>'s users could never get tokens under <paramref name="allowedEmailDomains"/>; else null.</summary>
    public static PropsProblem? Problem(IReadOnlyList<string>? allowedEmailDomains, FederatedProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if ((allowedEmailDomains?.Count ?? 0) == 0 || provider.SendsEmailVerified || provider.TrustEmail || provider.ExemptFromAllowList)
        {
            return null;
        }

        return new(
            nameof(FederatedProvider.TrustEmail),
            "false",
            $"identity provider '{provider.Name}' sends no email_verified, and with an email allow-list only verified addresses get tokens, so its users could never sign in. "
            + (provider.IsSocial
                ? "Set trustEmail (its addresses then count as verified: do so only if the provider checks them) or remove the provider."
                : "Set trustEmail (its addresses then count as verified: do so only if the provider checks them), exempt it from the allow-list (exemptFromAllowList, for an IdP that is the authority for its users), or remove it."));
    }
}
