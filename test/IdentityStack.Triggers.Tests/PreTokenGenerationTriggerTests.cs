using IdentityStack.Triggers.Triggers;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Triggers.Tests;

public sealed class PreTokenGenerationTriggerTests
{
    private static readonly TriggerSettings Settings = Fixtures.Settings(
        (TriggerEnvironment.GroupScopes, "admins=identitystack/admin,identitystack/write;members=identitystack/read"));

    [Fact]
    public async Task V2_adds_tenant_and_roles_to_both_tokens_and_scopes_by_group()
    {
        var e = Fixtures.Load("pre-token-generation-v2.json", Fixtures.Json.PreTokenGenerationV2Event);

        var result = await new PreTokenGenerationTrigger(Settings).HandleV2Async(e, new TestContext(), CancellationToken.None);

        var details = result.Response.ClaimsAndScopeOverrideDetails!;
        foreach (var token in new[] { details.IdTokenGeneration!, details.AccessTokenGeneration! })
        {
            Assert.Equal("acme-01", token.ClaimsToAddOrOverride!["tenant_id"]!.GetValue<string>());
            Assert.Equal(["admins", "members"], token.ClaimsToAddOrOverride["roles"]!.AsArray().Select(r => r!.GetValue<string>()), StringComparer.Ordinal);
            Assert.Equal(["phone_number", "phone_number_verified"], token.ClaimsToSuppress!, StringComparer.Ordinal);
        }

        // identitystack/read is already granted by the client: only the missing scopes are added.
        Assert.Equal(["identitystack/admin", "identitystack/write"], details.AccessTokenGeneration!.ScopesToAdd!, StringComparer.Ordinal);
    }

    [Fact]
    public async Task V2_for_a_user_without_groups_or_tenant_adds_empty_roles_and_no_scopes()
    {
        var e = Fixtures.Load("pre-token-generation-v2.json", Fixtures.Json.PreTokenGenerationV2Event);
        e.Request.GroupConfiguration.GroupsToOverride.Clear();
        e.Request.UserAttributes.Remove("custom:tenant_id");

        var result = await new PreTokenGenerationTrigger(Settings).HandleV2Async(e, new TestContext(), CancellationToken.None);

        var access = result.Response.ClaimsAndScopeOverrideDetails!.AccessTokenGeneration!;
        Assert.Empty(access.ClaimsToAddOrOverride!["roles"]!.AsArray());
        Assert.DoesNotContain("tenant_id", access.ClaimsToAddOrOverride.Keys, StringComparer.Ordinal);
        Assert.Null(access.ScopesToAdd);
    }

    [Fact]
    public async Task V1_puts_tenant_and_roles_in_the_id_token_as_strings()
    {
        var e = Fixtures.Load("pre-token-generation-v1.json", Fixtures.Json.PreTokenGenerationEvent);

        var result = await new PreTokenGenerationTrigger(Settings).HandleV1Async(e, new TestContext(), CancellationToken.None);

        var claims = result.Response.ClaimsOverrideDetails!;
        Assert.Equal("acme-01", claims.ClaimsToAddOrOverride!["tenant_id"]);
        Assert.Equal("members", claims.ClaimsToAddOrOverride["roles"]);
        Assert.Contains("phone_number", claims.ClaimsToSuppress!, StringComparer.Ordinal);
    }

    [Fact]
    public void The_suppressed_claims_come_from_configuration() =>
        Assert.Equal(["address"], Fixtures.Settings((TriggerEnvironment.SuppressedClaims, "address")).SuppressedClaims, StringComparer.Ordinal);
}
