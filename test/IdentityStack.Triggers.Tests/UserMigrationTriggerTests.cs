using System.Globalization;

namespace IdentityStack.Triggers.Tests;

public sealed class UserMigrationTriggerTests
{
    private static readonly LegacyUser OldUser = new("old.user@example.com", "old.user@example.com", true, "acme-01", PasswordHash.Create("Legacy-Passw0rd!", 20_000));

    private static Task<UserMigrationEvent> Run(string fixture, Action<UserMigrationEvent>? change = null)
    {
        var e = Fixtures.Load(fixture, Fixtures.Json.UserMigrationEvent);
        change?.Invoke(e);
        return new UserMigrationTrigger(new InMemoryLegacyUsers(OldUser), TimeProvider.System, TextWriter.Null).HandleAsync(e, new TestContext(), CancellationToken.None).AsTask();
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

    // Cognito's rule (developer guide, "Managing error responses",
    // https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html):
    // with PreventUserExistenceErrors ENABLED (every client here), Cognito returns a simulated
    // response for a non-existing user "when an empty response was returned by the Lambda trigger".
    // An error instead would reach the client as UserLambdaValidationException and tell a legacy
    // user apart from nobody.
    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_empty_response_never_an_error()
    {
        var wrong = await Run("user-migration-authentication.json", e => e.Request.Password = "guess");
        var unknown = await Run("user-migration-authentication.json", e => e.UserName = "nobody@example.com");

        foreach (var e in new[] { wrong, unknown })
        {
            Assert.Equal("{}", JsonSerializer.Serialize(e.Response, Fixtures.Json.UserMigrationResponse));
        }
    }

    [Fact]
    public async Task An_unknown_user_costs_the_same_PBKDF2_work_as_a_wrong_password()
    {
        var verified = new List<string>();
        var trigger = new UserMigrationTrigger(new InMemoryLegacyUsers(OldUser), (password, stored) =>
        {
            verified.Add(stored);
            return PasswordHash.Verify(password, stored);
        }, TimeProvider.System, TextWriter.Null);

        foreach (var userName in new[] { "nobody@example.com", "old.user@example.com" })
        {
            var e = Fixtures.Load("user-migration-authentication.json", Fixtures.Json.UserMigrationEvent);
            e.UserName = userName;
            e.Request.Password = "guess";
            await trigger.HandleAsync(e, new TestContext(), CancellationToken.None);
        }

        Assert.Equal([PasswordHash.NoUser, OldUser.PasswordHash], verified);
        Assert.StartsWith("pbkdf2-sha256$" + PasswordHash.DefaultIterations.ToString(CultureInfo.InvariantCulture) + "$", PasswordHash.NoUser, StringComparison.Ordinal);
        Assert.False(PasswordHash.Verify(string.Empty, PasswordHash.NoUser));
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
    public async Task A_forgotten_password_of_an_unknown_user_gets_the_empty_response_so_Cognito_simulates_a_sent_code()
    {
        var e = await Run("user-migration-forgot-password.json", e => e.UserName = "nobody@example.com");

        Assert.Equal("{}", JsonSerializer.Serialize(e.Response, Fixtures.Json.UserMigrationResponse));
    }

    // The legacy password must open nothing once the user is in the pool: an import marks the
    // legacy item (the API's developer login then refuses it); a refusal marks nothing.
    [Theory]
    [InlineData("user-migration-authentication.json")]
    [InlineData("user-migration-forgot-password.json")]
    public async Task An_imported_user_is_marked_migrated_and_a_refused_one_is_not(string fixture)
    {
        var store = new InMemoryLegacyUsers(OldUser);
        var at = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
        var trigger = new UserMigrationTrigger(store, new FixedClock(at), TextWriter.Null);

        var imported = Fixtures.Load(fixture, Fixtures.Json.UserMigrationEvent);
        imported.UserName = "Old.User@Example.com";
        await trigger.HandleAsync(imported, new TestContext(), CancellationToken.None);
        var refused = Fixtures.Load("user-migration-authentication.json", Fixtures.Json.UserMigrationEvent);
        refused.Request.Password = "guess";
        await trigger.HandleAsync(refused, new TestContext(), CancellationToken.None);

        Assert.Equal(["old.user@example.com"], store.Marked);
        Assert.Equal(at, (await store.FindAsync("old.user@example.com", CancellationToken.None))!.MigratedAt);
    }

    [Fact]
    public async Task A_failed_mark_still_imports_the_user_and_logs_a_warning()
    {
        var log = new StringWriter();
        var store = new InMemoryLegacyUsers(OldUser) { MarkFailure = new HttpRequestException("write refused") };

        var e = await new UserMigrationTrigger(store, TimeProvider.System, log).HandleAsync(Fixtures.Load("user-migration-authentication.json", Fixtures.Json.UserMigrationEvent), new TestContext(), CancellationToken.None);

        Assert.Equal("CONFIRMED", e.Response.FinalUserStatus);
        Assert.Equal("WARN", System.Text.Json.Nodes.JsonNode.Parse(log.ToString().Trim())!["level"]!.GetValue<string>());
    }

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

    // #28: an unverified legacy email must import unverified, or migration would bypass "tokens need
    // a verified email" (EmailPolicy).
    [Fact]
    public async Task An_unverified_legacy_email_is_imported_unverified()
    {
        var unverified = OldUser with { EmailVerified = false, TenantId = null };
        var e = Fixtures.Load("user-migration-authentication.json", Fixtures.Json.UserMigrationEvent);

        var result = await new UserMigrationTrigger(new InMemoryLegacyUsers(unverified), TimeProvider.System, TextWriter.Null).HandleAsync(e, new TestContext(), CancellationToken.None);

        Assert.Equal("false", result.Response.UserAttributes!["email_verified"]);
        Assert.False(result.Response.UserAttributes.ContainsKey("custom:tenant_id"));
    }

    [Fact]
    public async Task A_sign_in_without_a_password_imports_nobody()
    {
        var e = await Run("user-migration-authentication.json", e => e.Request.Password = null);

        Assert.Equal("{}", JsonSerializer.Serialize(e.Response, Fixtures.Json.UserMigrationResponse));
    }

    [Fact]
    public async Task An_event_without_a_username_or_of_another_source_is_malformed_with_the_reason()
    {
        var noUser = await Assert.ThrowsAsync<IdentityStack.Lambda.Runtime.LambdaEventFormatException>(() => Run("user-migration-authentication.json", e => e.UserName = null));
        var other = await Assert.ThrowsAsync<IdentityStack.Lambda.Runtime.LambdaEventFormatException>(() => Run("user-migration-authentication.json", e => e.TriggerSource = "UserMigration_Other"));

        Assert.Equal("The user migration event has no userName.", noUser.Message);
        Assert.Equal("The user migration trigger does not handle trigger source 'UserMigration_Other'.", other.Message);
    }

    [Fact]
    public async Task A_failed_mark_is_logged_with_what_happened()
    {
        var log = new StringWriter();
        var store = new InMemoryLegacyUsers(OldUser) { MarkFailure = new HttpRequestException("write refused") };

        await new UserMigrationTrigger(store, TimeProvider.System, log).HandleAsync(Fixtures.Load("user-migration-authentication.json", Fixtures.Json.UserMigrationEvent), new TestContext(), CancellationToken.None);

        var line = System.Text.Json.Nodes.JsonNode.Parse(log.ToString().Trim())!;
        Assert.Equal("legacy user not marked migrated; imported anyway", line["note"]!.GetValue<string>());
        Assert.Equal(TriggerHandlerNames.UserMigration, line["trigger"]!.GetValue<string>());
    }

    // A sign-in without a password imports nobody, even a legacy user whose stored password is empty,
    // and still runs the same PBKDF2 work (on the empty string).
    [Fact]
    public async Task A_sign_in_without_a_password_imports_nobody_even_with_an_empty_stored_password()
    {
        var emptyPassword = OldUser with { PasswordHash = PasswordHash.Create(string.Empty, 10_000) };
        var verified = new List<string>();
        var trigger = new UserMigrationTrigger(new InMemoryLegacyUsers(emptyPassword), (password, stored) => { verified.Add(password); return PasswordHash.Verify(password, stored); }, TimeProvider.System, TextWriter.Null);
        var e = Fixtures.Load("user-migration-authentication.json", Fixtures.Json.UserMigrationEvent);
        e.Request.Password = null;

        var result = await trigger.HandleAsync(e, new TestContext(), CancellationToken.None);

        Assert.Equal("{}", JsonSerializer.Serialize(result.Response, Fixtures.Json.UserMigrationResponse));
        Assert.Equal([string.Empty], verified);
    }
}
