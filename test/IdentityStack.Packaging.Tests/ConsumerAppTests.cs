using System.Text.Json.Nodes;
using System.Xml.Linq;
using IdentityStack.Testing;

namespace IdentityStack.Packaging.Tests;

/// <summary>
/// The sample consumer (samples/IdentityStack.Consumer) restored from the folder feed, not from
/// source, synthesizes a user pool with the packaged trigger, an identity pool and the JWT API.
/// </summary>
[Collection(PackedFromCleanClone.Collection)]
public sealed class ConsumerAppTests(PackedFromCleanClone packed)
{
    private JsonObject TemplateResources => (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(packed.CloudAssembly, "ConsumerIdentity.template.json")))!["Resources"]!;

    private IEnumerable<(string Id, JsonNode Properties)> OfType(string type) =>
        TemplateResources.Where(r => string.Equals((string?)r.Value!["Type"], type, StringComparison.Ordinal)).Select(r => (r.Key, r.Value!["Properties"]!));

    [Fact]
    public void The_consumer_references_the_package_and_no_project_of_this_repository()
    {
        var project = XDocument.Load(Path.Combine(packed.Consumer, "IdentityStack.Consumer.csproj"));

        Assert.Empty(project.Descendants("ProjectReference"));
        Assert.Equal(PackedFromCleanClone.ConstructsPackage, (string?)project.Descendants("PackageReference").Single().Attribute("Include"));
        var assets = File.ReadAllText(Path.Combine(packed.Consumer, "obj", "project.assets.json"));
        Assert.Contains($"\"{PackedFromCleanClone.ConstructsPackage}/{packed.Version}\"", assets, StringComparison.Ordinal);
        Assert.Contains(packed.Feed, assets, StringComparison.Ordinal);
    }

    /// <summary>The asset folder of the trigger the pool's LambdaConfig names at <paramref name="lambdaConfigPath"/>, and the function's properties.</summary>
    private (string Bootstrap, System.Text.Json.Nodes.JsonNode Function) TriggerAt(params string[] lambdaConfigPath)
    {
        System.Text.Json.Nodes.JsonNode config = OfType("AWS::Cognito::UserPool").Single().Properties["LambdaConfig"]!;
        config = lambdaConfigPath.Aggregate(config, (node, key) => node[key]!);
        var trigger = TemplateResources[(string)config["Fn::GetAtt"]![0]!]!["Properties"]!;
        var assetDirectory = Path.Combine(packed.CloudAssembly, "asset." + ((string)trigger["Code"]!["S3Key"]!).Replace(".zip", string.Empty, StringComparison.Ordinal));
        return (Path.Combine(assetDirectory, "bootstrap"), trigger);
    }

    [Fact]
    public void The_pre_sign_up_trigger_runs_the_packaged_arm64_binary_without_the_aws_sdk_and_pre_token_generation_the_full_one()
    {
        var (lean, preSignUp) = TriggerAt("PreSignUp");
        var (full, preToken) = TriggerAt("PreTokenGenerationConfig", "LambdaArn");

        Assert.Equal("PreSignUp", (string?)preSignUp["Handler"]);
        Assert.Equal("provided.al2023", (string?)preSignUp["Runtime"]);
        Assert.Equal("arm64", (string?)preSignUp["Architectures"]![0]);
        Assert.Equal("PreTokenGeneration", (string?)preToken["Handler"]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(PackedFromCleanClone.Bootstraps, "without-aws", "linux-arm64", "bootstrap")), File.ReadAllBytes(lean));
        Assert.Equal(File.ReadAllBytes(Path.Combine(PackedFromCleanClone.Bootstraps, "linux-arm64", "bootstrap")), File.ReadAllBytes(full));
        Assert.All([lean, full], b => Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(b).HasFlag(UnixFileMode.OtherExecute), "Lambda runs bootstrap only if it is executable"));
    }

    [Fact]
    public void The_identity_pool_and_the_jwt_api_are_bound_to_the_consumers_pool_and_client()
    {
        // The hosted sign-in's SPA client, which the sample binds both to.
        var clientId = OfType("AWS::Cognito::UserPoolClient").Single(c => c.Id.StartsWith("SignInSpaClient", StringComparison.Ordinal)).Id;
        var poolId = OfType("AWS::Cognito::UserPool").Single().Id;
        var identityPool = OfType("AWS::Cognito::IdentityPool").Single().Properties;
        var authorizer = OfType("AWS::ApiGatewayV2::Authorizer").Single().Properties;

        Assert.False((bool)identityPool["AllowUnauthenticatedIdentities"]!);
        Assert.Equal(clientId, (string?)identityPool["CognitoIdentityProviders"]![0]!["ClientId"]!["Ref"]);
        Assert.Equal("JWT", (string?)authorizer["AuthorizerType"]);
        Assert.Equal(clientId, (string?)authorizer["JwtConfiguration"]!["Audience"]![0]!["Ref"]);
        Assert.Contains(poolId, authorizer["JwtConfiguration"]!["Issuer"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(OfType("AWS::ApiGatewayV2::Route"), r => string.Equals((string?)r.Properties["RouteKey"], "GET /me", StringComparison.Ordinal)
            && string.Equals((string?)r.Properties["AuthorizationType"], "JWT", StringComparison.Ordinal));
    }

    [Fact]
    public void Hosted_sign_in_from_the_package_offers_passkeys_on_its_domain()
    {
        var pool = OfType("AWS::Cognito::UserPool").Single().Properties;

        Assert.Equal("consumer-identity.auth.eu-west-1.amazoncognito.com", (string?)pool["WebAuthnRelyingPartyID"]);
        Assert.Equal(["PASSWORD", "WEB_AUTHN"], pool["Policies"]!["SignInPolicy"]!["AllowedFirstAuthFactors"]!.AsArray().Select(f => (string?)f));
        Assert.Contains(OfType("AWS::Cognito::UserPoolClient"), c => c.Properties["ExplicitAuthFlows"]!.AsArray().Any(f => string.Equals((string?)f, "ALLOW_USER_AUTH", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_scoped_route_of_the_sample_is_reachable_and_no_client_has_the_implicit_grant()
    {
        var resourceServer = OfType("AWS::Cognito::UserPoolResourceServer").Single();
        var identifier = (string)resourceServer.Properties["Identifier"]!;
        // A client's scope names the resource server by Ref: resolve it to the identifier tokens carry.
        string Scope(JsonNode scope) => scope is JsonValue ? (string)scope! : string.Concat(scope["Fn::Join"]![1]!.AsArray().Select(p => p is JsonValue ? (string)p! : identifier));
        var clients = OfType("AWS::Cognito::UserPoolClient").ToList();
        var spa = clients.Single(c => c.Id.StartsWith("SignInSpaClient", StringComparison.Ordinal)).Properties;
        var clientScopes = spa["AllowedOAuthScopes"]!.AsArray().Select(s => Scope(s!)).ToHashSet(StringComparer.Ordinal);
        // Group scopes reach access tokens through the pre token generation trigger ("admins=a,b;members=c").
        var (_, preToken) = TriggerAt("PreTokenGenerationConfig", "LambdaArn");
        var groupScopes = ((string)preToken["Environment"]!["Variables"]![IdentityStack.Triggers.Contract.TriggerEnvironment.GroupScopes]!)
            .Split(';').SelectMany(g => g.Split('=')[1].Split(',')).ToHashSet(StringComparer.Ordinal);

        var scoped = OfType("AWS::ApiGatewayV2::Route").Where(r => r.Properties["AuthorizationScopes"] is not null).ToList();
        Assert.NotEmpty(scoped);
        foreach (var (_, route) in scoped)
        {
            var needed = route["AuthorizationScopes"]!.AsArray().Select(s => (string)s!).ToList();
            Assert.True(needed.Any(s => clientScopes.Contains(s) || groupScopes.Contains(s)), $"{route["RouteKey"]} needs one of {string.Join(", ", needed)}; tokens can carry {string.Join(", ", clientScopes.Concat(groupScopes))}");
        }

        Assert.All(clients, c => Assert.DoesNotContain("implicit", c.Properties["AllowedOAuthFlows"]?.AsArray().Select(f => (string?)f) ?? []));
    }
}

/// <summary>The package README's example is the tested sample's code, character for character.</summary>
public sealed class PackageReadmeTests
{
    [Fact]
    public void The_package_readme_example_is_the_sample_program()
    {
        var readme = File.ReadAllText(RepositoryRoot.File("src/IdentityStack.Constructs/PACKAGE.md"));
        var sample = File.ReadAllText(RepositoryRoot.File("samples/IdentityStack.Consumer/Program.cs"));
        const string Fence = "```csharp\n";
        var start = readme.IndexOf(Fence, StringComparison.Ordinal);
        Assert.True(start >= 0, "PACKAGE.md has a ```csharp example");
        var end = readme.IndexOf("```", start + Fence.Length, StringComparison.Ordinal);

        Assert.Equal(sample.ReplaceLineEndings("\n"), readme[(start + Fence.Length)..end].ReplaceLineEndings("\n"));
    }
}
