using System.Collections;
using System.Reflection;
using IdentityStack.App.Stacks;
using IdentityStack.Constructs.Federation;
using IdentityStack.Constructs.IdentityPools;
using IdentityStack.Constructs.SignIn;

namespace IdentityStack.App.Tests;

/// <summary>
/// examples/stages.full.json shows every stage option, so that dev in cdk.json can stay deployable
/// into a new account with nothing prepared. The example must stay valid and complete: it is read
/// and synthesized here, and every option of the typed configuration must be set away from its
/// default by at least one example stage, so a new option fails this test until the example shows it.
/// </summary>
public sealed class ExampleStagesTests
{
    private const string ExampleFile = "examples/stages.full.json";

    /// <summary>Settings a construct takes that cdk.json does not offer (a team using the construct library sets them in code).</summary>
    private static readonly HashSet<string> ConstructOnly = new(StringComparer.Ordinal)
    {
        "SecureUserPoolOptions.PasswordPolicy", "CognitoTriggersOptions.Timeout",
        "HostedSignInOptions.ResourceServerIdentifier", "HostedSignInOptions.RefreshTokenRotationGraceSeconds",
    };

    /// <summary>Settings every provider type inherits that SAML refuses (it has no secret); the example shows them on Google and Apple.</summary>
    private static readonly HashSet<string> NotForSaml = new(StringComparer.Ordinal)
    {
        "SamlProvider.SecretVersionId", "SamlProvider.SecretVersionStage",
    };

    private static readonly Lazy<(JsonElement Json, IReadOnlyDictionary<string, StageConfig> Stages)> Example = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf(ExampleFile)));
        var stages = document.RootElement.GetProperty("stages").Clone();
        return (stages, StageConfigReader.Read(stages));
    });

    [Fact]
    public void Every_example_stage_is_valid_and_synthesizes()
    {
        var context = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [StageConfigReader.ContextKey] = RepositoryFiles.ToPlain(Example.Value.Json),
            [StageSelection.ContextKey] = StageSelection.AllStages,
            ["aws:cdk:bundling-stacks"] = Array.Empty<string>(),
        };
        var app = new Amazon.CDK.App(new Amazon.CDK.AppProps { Context = context! });
        var stacks = IdentityPlatformApp.Compose(app);

        Assert.Equal(["classic", "full"], stacks.Select(s => s.Stage.Name).Order(StringComparer.Ordinal));
        foreach (var stack in stacks)
        {
            var template = Template.FromStack(stack);
            template.ResourceCountIs("AWS::Cognito::UserPool", 1);
            // The template gate applies acknowledgments by the stage this metadata names.
            var metadata = (IDictionary<string, object>)template.ToJSON()["Metadata"];
            Assert.Equal(stack.Stage.Name, metadata[IdentityPlatformStack.StageMetadataKey]);
        }
    }

    [Fact]
    public void Every_option_is_shown_away_from_its_default_by_some_example_stage()
    {
        var stages = Example.Value.Stages.Values.ToList();
        var unshown = new List<string>();
        unshown.AddRange(Unshown(stages, new StageConfig { Name = "x", Region = "x" }));
        unshown.AddRange(Unshown([.. stages.Select(s => s.UserPool)], new IdentityStack.Constructs.UserPools.SecureUserPoolOptions()));
        unshown.AddRange(Unshown([.. stages.Select(s => s.Triggers)], new IdentityStack.Constructs.Triggers.CognitoTriggersOptions()));
        unshown.AddRange(Unshown([.. stages.Select(s => s.SignIn).OfType<SignInConfig>()], new SignInConfig(new HostedSignInOptions { CallbackUrls = [], LogoutUrls = [] }, [])));
        unshown.AddRange(Unshown([.. stages.Select(s => s.SignIn?.Options).OfType<HostedSignInOptions>()], new HostedSignInOptions { CallbackUrls = [], LogoutUrls = [] }));
        unshown.AddRange(Unshown([.. stages.Select(s => s.IdentityPool).OfType<SecureIdentityPoolOptions>()], new SecureIdentityPoolOptions()));
        unshown.AddRange(Unshown([.. stages.Select(s => s.IdentityPool?.PublicProviders).OfType<IdentityStack.Constructs.IdentityPools.PublicLoginProviders>()], new IdentityStack.Constructs.IdentityPools.PublicLoginProviders()));
        unshown.AddRange(Unshown([.. stages.Select(s => s.UserPool.Email).OfType<IdentityStack.Constructs.UserPools.SesEmailSettings>()], null));
        unshown.AddRange(Unshown([.. stages.Select(s => s.SignIn?.Options.CustomDomain).OfType<IdentityStack.Constructs.SignIn.CustomSignInDomain>()], null));
        unshown.AddRange(Unshown([.. stages.SelectMany(s => s.Federation).OfType<SamlProvider>()], new SamlProvider("x", null, null)));
        unshown.AddRange(Unshown([.. stages.Select(s => s.Alarms)], new IdentityStack.Constructs.Monitoring.AlarmNotificationsOptions()));
        unshown.AddRange(Unshown([.. stages.Select(s => s.Api).OfType<IdentityStack.Constructs.Api.JwtProtectedApiOptions>()], new IdentityStack.Constructs.Api.JwtProtectedApiOptions()));
        unshown.AddRange(Unshown([.. stages.Select(s => s.Api?.DeveloperLogin).OfType<IdentityStack.Constructs.Api.DeveloperLoginOptions>()], new IdentityStack.Constructs.Api.DeveloperLoginOptions()));

        unshown.RemoveAll(ConstructOnly.Contains);
        unshown.RemoveAll(NotForSaml.Contains);
        Assert.True(unshown.Count == 0, $"{ExampleFile} does not show: " + string.Join(", ", unshown));
    }

    [Fact]
    public void Every_kind_of_federation_provider_and_the_api_throttle_are_shown()
    {
        var stages = Example.Value.Stages.Values.ToList();
        Assert.Equal(
            ["Facebook", "Google", "LoginWithAmazon", "OIDC", "SAML", "SignInWithApple"],
            stages.SelectMany(s => s.Federation).Select(f => f.ProviderType).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(stages.SelectMany(s => s.Federation).OfType<OidcProvider>(), p => p.TenantAttribute is not null && string.Equals(p.AttributesRequestMethod, "POST", StringComparison.Ordinal));
        Assert.Contains(stages, s => s.Api?.Throttle is { RateLimit: not 50, BurstLimit: not 100 });
    }

    /// <summary>The properties that no item sets away from <paramref name="defaults"/> (null, empty, or the default value); with no defaults, those null or empty in every item.</summary>
    private static IEnumerable<string> Unshown<T>(List<T> items, T? defaults)
    {
        if (items.Count == 0)
        {
            return [typeof(T).Name + " (no stage has one)"];
        }

        return typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetSetMethod() is not null)
            .Where(p => !items.Any(item => IsShown(p.GetValue(item), defaults is null ? null : p.GetValue(defaults))))
            .Select(p => typeof(T).Name + "." + p.Name);
    }

    private static bool IsShown(object? value, object? defaultValue) => value switch
    {
        null => false,
        Amazon.CDK.Duration duration => defaultValue is not Amazon.CDK.Duration other || duration.ToSeconds() != other.ToSeconds(),
        string text => text.Length > 0 && !Equals(text, defaultValue),
        IEnumerable sequence => sequence.Cast<object?>().Any(),
        _ => !Equals(value, defaultValue),
    };
}
