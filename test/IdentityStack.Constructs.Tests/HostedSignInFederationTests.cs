using System.Text.Json;
using Amazon.CDK.AWS.Cognito;
using IdentityStack.Constructs.Federation;

namespace IdentityStack.Constructs.Tests;

/// <summary>
/// Federation through the construct library alone, as a NuGet consumer uses it. Cognito rewrites
/// mapped attributes at every federated sign-in and fails the sign-in when it cannot: they must be
/// mutable and writable by every app client that offers the provider (developer guide, "Specifying
/// identity provider attribute mappings for your user pool",
/// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-specifying-attribute-mapping.html).
/// </summary>
public sealed class HostedSignInFederationTests
{
    private static (Stack Stack, SecureUserPool Pool) PoolStack()
    {
        var stack = new Stack(new App(), "Consumer");
        return (stack, new SecureUserPool(stack, "Users", new SecureUserPoolProps { UserPoolName = "users" }));
    }

    private static HostedSignIn SignIn(Stack stack, SecureUserPool pool, params IUserPoolIdentityProvider[] providers) =>
        new(stack, "SignIn", new HostedSignInProps
        {
            UserPool = pool.UserPool,
            DomainPrefix = "consumer-users",
            CallbackUrls = ["https://app.example.com/callback"],
            LogoutUrls = ["https://app.example.com/"],
            IdentityProviders = providers,
        });

    private static UserPoolIdentityProviderOidc Provider(Stack stack, SecureUserPool pool, string name, Dictionary<string, string> mapping) =>
        new(stack, name, new UserPoolIdentityProviderOidcProps
        {
            UserPool = pool.UserPool,
            Name = name,
            ClientId = "c",
            ClientSecret = "s",
            IssuerUrl = "https://login.example.com",
            AttributeMapping = new AttributeMapping { Custom = mapping.ToDictionary(m => m.Key, m => ProviderAttribute.Other(m.Value), StringComparer.Ordinal) },
        });

    [Theory]
    [InlineData("custom:tenant_id", "tenant", "identity provider 'Acme' maps 'custom:tenant_id', which is immutable")]
    [InlineData("given_name", "given_name", "identity provider 'Acme' maps 'given_name', which app client 'SpaClient' may not write")]
    public void A_mapping_cognito_could_not_write_at_sign_in_fails_synth_naming_provider_attribute_and_client(string attribute, string providerAttribute, string message)
    {
        var (stack, pool) = PoolStack();
        var provider = Provider(stack, pool, "Acme", new(StringComparer.Ordinal) { ["email"] = "email", [attribute] = providerAttribute });

        var error = Assert.Throws<ArgumentException>(() => SignIn(stack, pool, provider));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clients_offering_a_provider_may_write_what_it_maps_and_nothing_of_the_tenant()
    {
        var (stack, pool) = PoolStack();
        var oidc = new OidcProvider("Acme", "https://login.example.com", "client", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:acme-AbCdEf", ["openid", "email"], "GET") { TenantAttribute = "tenant", Tenants = ["acme-01"] };
        var providers = new FederatedProviders(stack, "Federation", pool.UserPool, [oidc]);

        SignIn(stack, pool, providers.Providers["Acme"]);

        var clients = JsonSerializer.SerializeToElement(Template.FromStack(stack).FindResources("AWS::Cognito::UserPoolClient")).EnumerateObject()
            .ToDictionary(c => c.Name, c => c.Value.GetProperty("Properties"), StringComparer.Ordinal);
        var spa = clients.Single(c => c.Key.StartsWith("SignInSpaClient", StringComparison.Ordinal)).Value;
        var machine = clients.Single(c => c.Key.StartsWith("SignInMachineClient", StringComparison.Ordinal)).Value;
        var spaWrites = spa.GetProperty("WriteAttributes").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("custom:idp_tenant", spaWrites);
        Assert.Contains("custom:idp_email_verified", spaWrites);
        Assert.DoesNotContain("custom:tenant_id", spaWrites);
        Assert.DoesNotContain(spa.GetProperty("ReadAttributes").EnumerateArray().Select(a => a.GetString()), a => a!.StartsWith("custom:idp_", StringComparison.Ordinal));
        Assert.DoesNotContain(machine.GetProperty("WriteAttributes").EnumerateArray().Select(a => a.GetString()), a => a!.StartsWith("custom:idp_", StringComparison.Ordinal));
    }

    [Fact]
    public void The_rule_reports_every_problem_at_once()
    {
        var problems = MappedAttributeRules.Problems(
            "ServerClient",
            [("Acme", ["custom:tenant_id", "picture"]), ("Globex", ["email"])],
            new HashSet<string>(["email"], StringComparer.Ordinal),
            new HashSet<string>(["custom:tenant_id"], StringComparer.Ordinal));

        Assert.Equal(2, problems.Count);
        Assert.Contains("'picture', which app client 'ServerClient' may not write", problems[1], StringComparison.Ordinal);
    }
}
