using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using Constructs;

namespace IdentityStack.Constructs.Federation;

/// <summary>The pool's external identity providers, each with its attribute mapping, made with the framework's constructs.</summary>
public sealed class FederatedProviders : Construct
{
    /// <summary>The providers, by name.</summary>
    public IReadOnlyDictionary<string, IUserPoolIdentityProvider> Providers { get; }

    /// <summary>Creates the providers on <paramref name="pool"/>.</summary>
    public FederatedProviders(Construct scope, string id, IUserPool pool, IReadOnlyList<FederatedProvider> providers)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(providers);
        var duplicate = providers.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Provider name '{duplicate.Key}' is used {duplicate.Count()} times; names must be unique in a pool.", nameof(providers));
        }

        // The same rules the triggers' props check (a tenant mapping needs its list, ...), so that
        // providers made without CognitoTriggers are refused the same way.
        PropsProblem.ThrowIfAny(nameof(FederatedProvider), [.. providers.SelectMany(p => p.Problems().Select(problem => problem.Under(p.Name)))], nameof(providers));

        var scratch = ScratchCopyOfPath();
        Providers = providers.ToDictionary(p => p.Name, p => Create(pool, p, scratch), StringComparer.Ordinal);
    }

    /// <summary>
    /// The provider, keeping the logical ID it had when this construct wrote the CloudFormation
    /// resource itself (at <c>{this}/{name}</c>; the framework's construct puts it at
    /// <c>{this}/{name}/Resource</c>). A new logical ID would make CloudFormation create a second
    /// provider of the same name before deleting the first, which Cognito refuses.
    /// </summary>
    private IUserPoolIdentityProvider Create(IUserPool pool, FederatedProvider provider, Construct scratch)
    {
        var kept = LogicalIdAt(scratch, provider.Name);
        var created = provider.Create(this, pool);
        ((CfnResource)created.Node.DefaultChild!).OverrideLogicalId(kept);
        return created;
    }

    /// <summary>A construct at the same path below a scratch stack as this one below its stack: where a probe gets the logical ID a resource here would get.</summary>
    private Construct ScratchCopyOfPath()
    {
        var scopes = Node.Scopes;
        var stackIndex = Array.IndexOf(scopes, Stack.Of(this));
        Construct parent = new Stack(new App(), "Scratch");
        foreach (var scope in scopes.Skip(stackIndex + 1))
        {
            parent = new Construct(parent, scope.Node.Id);
        }

        return parent;
    }

    /// <summary>The logical ID the framework gives a CloudFormation resource at <c>{this}/{id}</c>, from a probe at <c>{scratch}/{id}</c>.</summary>
    private static string LogicalIdAt(Construct scratch, string id)
    {
        var stack = Stack.Of(scratch);
        var probe = new CfnResource(scratch, id, new CfnResourceProps { Type = "Scratch::Probe" });
        return (string)stack.Resolve(stack.GetLogicalId(probe));
    }
}
