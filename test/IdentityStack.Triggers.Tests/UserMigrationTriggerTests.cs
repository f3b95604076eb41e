using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Triggers.Directory;
using IdentityStack.Triggers.Triggers;

namespace IdentityStack.Triggers.Tests;

public sealed class UserMigrationTriggerTests
{
    private static readonly LegacyUser OldUser = new("old.user@example.com", "old.user@example.com", true, "acme-01", PasswordHash.Create("Legacy-Passw0rd!", 20_000));

    private static Task<UserMigrationEvent> Run(string fixture, Action<UserMigrationEvent>? change = null)
    {
        var e = Fixtures.Load(fixture, Fixtures.Json.UserMigrationEvent);
        change?.Invoke(e);
        return new UserMigrationTrigger(new InMemoryLegacyUsers(OldUser)).HandleAsync(e, new TestContext(), CancellationToken.None).AsTask();
    }

    [Fact]
    public async Task The_right_legacy_password_imports_the_user_confirmed_and_silently()
    {
        var response = (await Run("user-migration-authentication.json")).Response;

        Assert.Equal("CONFIRMED", response.FinalUserStatus);
        Assert.Equal("SUPPRESS", response.MessageAction);
        Assert.Equal("old.user@example.com", response.UserAttributes!["email"]);
        Assert.Equal("true", response.UserAttributes["email_verified"]);
        Assert.Equal("acme-01", response.UserAttributes["custom:tenant_id"]);
    }

    [Fact]
    public async Task The_username_is_matched_case_insensitively() =>
        Assert.Equal("CONFIRMED", (await Run("user-migration-authentication.json", e => e.UserName = "Old.User@Example.com")).Response.FinalUserStatus);

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_answer()
    {
        var wrong = await Assert.ThrowsAsync<TriggerRejectedException>(() => Run("user-migration-authentication.json", e => e.Request.Password = "guess"));
        var unknown = await Assert.ThrowsAsync<TriggerRejectedException>(() => Run("user-migration-authentication.json", e => e.UserName = "nobody@example.com"));

        Assert.Equal("Incorrect username or password.", wrong.Message);
        Assert.Equal(wrong.Message, unknown.Message);
    }

    [Fact]
    public async Task A_forgotten_password_imports_the_user_who_must_then_reset_it()
    {
        var response = (await Run("user-migration-forgot-password.json")).Response;

        Assert.Equal("RESET_REQUIRED", response.FinalUserStatus);
        Assert.Equal("SUPPRESS", response.MessageAction);
        Assert.Equal("old.user@example.com", response.UserAttributes!["email"]);
    }

    [Fact]
    public async Task A_forgotten_password_of_an_unknown_user_is_refused() =>
        await Assert.ThrowsAsync<TriggerRejectedException>(() => Run("user-migration-forgot-password.json", e => e.UserName = "nobody@example.com"));

    [Fact]
    public async Task Another_trigger_source_is_a_malformed_event() =>
        await Assert.ThrowsAsync<IdentityStack.Lambda.Runtime.LambdaEventFormatException>(() => Run("user-migration-authentication.json", e => e.TriggerSource = "UserMigration_Other"));

    [Theory]
    [InlineData("")]
    [InlineData("md5$abc")]
    [InlineData("pbkdf2-sha256$9$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$20000$not-base64$aGFzaA==")]
    [InlineData("pbkdf2-sha256$20000$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==")]
    public void A_malformed_or_weak_stored_hash_never_matches(string stored) =>
        Assert.False(PasswordHash.Verify("anything", stored));

    [Fact]
    public void A_hash_verifies_its_own_password_only()
    {
        var stored = PasswordHash.Create("correct horse", 10_000);

        Assert.True(PasswordHash.Verify("correct horse", stored));
        Assert.False(PasswordHash.Verify("correct horse ", stored));
    }
}
