using System.Text.Json.Nodes;
using System.Xml.Linq;

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
        // The sample's own "Web" client (HostedSignIn adds its three clients besides).
        var clientId = OfType("AWS::Cognito::UserPoolClient").Single(c => c.Id.StartsWith("UsersUserPoolWeb", StringComparison.Ordinal)).Id;
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
}
