using Amazon.CDK.AWS.Cognito;
using IdentityStack.Constructs.UserPools;
using Constructs;

namespace IdentityStack.Constructs.Federation;

/// <summary>The pool's external identity providers, each with its attribute mapping.</summary>
public sealed class FederatedProviders : Construct
{
    /// <summary>The CloudFormation providers, by name.</summary>
    public IReadOnlyDictionary<string, CfnUserPoolIdentityProvider> Providers { get; }

    /// <summary>Creates the providers on <paramref name="pool"/>.</summary>
    public FederatedProviders(Construct scope, string id, SecureUserPool pool, IReadOnlyList<FederatedProvider> providers)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(providers);
        var duplicate = providers.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Provider name '{duplicate.Key}' is used {duplicate.Count()} times; names must be unique in a pool.", nameof(providers));
        }

        Providers = providers.ToDictionary(
            p => p.Name,
            p => new CfnUserPoolIdentityProvider(this, p.Name, new CfnUserPoolIdentityProviderProps
            {
                UserPoolId = pool.UserPool.UserPoolId,
                ProviderName = p.Name,
                ProviderType = p.ProviderType,
                ProviderDetails = p.ProviderDetails().ToDictionary(d => d.Key, d => (object)d.Value, StringComparer.Ordinal),
                AttributeMapping = p.AttributeMapping().ToDictionary(m => m.Key, m => (object)m.Value, StringComparer.Ordinal),
            }),
            StringComparer.Ordinal);
    }
}
