using IdentityStack.UserDirectory.Export;
using IdentityStack.UserDirectory.Restore;
using IdentityStack.UserDirectory.Snapshots;

namespace IdentityStack.UserDirectory.Tests;

public sealed class UserDirectoryRestoreTests
{
    [Fact]
    public async Task Deleted_users_come_back_with_their_attributes_groups_and_directory_items_under_their_new_sub()
    {
        var (pool, directory, snapshot) = await ExportedAsync();
        var alice = pool.Users["alice"];
        var oldSub = alice.Attributes["sub"];
        pool.Users.Remove("alice");
        pool.Users.Remove("bob");
        pool.Groups["admins"].Members.Remove("alice");
        directory.Items.Remove("USER#" + oldSub);

        var log = new StringWriter();
        var report = await new UserDirectoryRestore(TestPacing.Admin(pool), directory, log).RunAsync(snapshot, dryRun: false, CancellationToken.None);

        var restored = pool.Users["alice"];
        var newSub = restored.Attributes["sub"];
        Assert.NotEqual(oldSub, newSub);
        Assert.Equal(newSub, report.SubMapping[oldSub]);
        Assert.Equal("acme", restored.Attributes["custom:tenant_id"]);
        Assert.Equal("true", restored.Attributes["email_verified"]);
        // CONFIRMED with a password nobody knows: "Forgot password" works for a CONFIRMED user with a verified email.
        Assert.Equal("CONFIRMED", restored.Status);
        Assert.Contains("alice", pool.Groups["admins"].Members);
        Assert.False(pool.Users["bob"].Enabled);
        var item = directory.Items["USER#" + newSub];
        Assert.Equal(newSub, item["sub"].S);
        Assert.Equal("acme", item["tenantId"].S);
        Assert.Equal(FakeUserPool.PoolId, item["userPoolId"].S);
        Assert.Equal(2, report.UsersCreated);
        Assert.Equal(2, report.UsersPresent);
        Assert.Equal(1, report.MembershipsAdded);
        Assert.Empty(report.FederatedSkipped);
        Assert.Empty(report.Failures);
        Assert.Empty(report.NeedAdminReset);
        Assert.Contains("create user alice\n", log.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("create user bob (disabled)", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("add alice to admins", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("write USER#" + newSub, log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("would", log.ToString(), StringComparison.Ordinal);
        // The present users are mapped to the sub they have (the same), so data keyed by sub needs no move for them.
        Assert.Equal(pool.Users["carol"].Attributes["sub"], report.SubMapping[pool.Users["carol"].Attributes["sub"]]);
    }

    [Fact]
    public async Task A_federated_user_is_left_to_their_provider_and_their_item_is_not_written()
    {
        var (pool, directory, snapshot) = await ExportedAsync();
        var dave = pool.Users["google_1234"].Attributes["sub"];
        pool.Users.Remove("google_1234");
        var withItem = snapshot with { DirectoryItems = [.. snapshot.DirectoryItems, DirectoryItemConversion.ToSnapshot(new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>(StringComparer.Ordinal) { ["pk"] = new() { S = "USER#" + dave } })] };

        var report = await new UserDirectoryRestore(TestPacing.Admin(pool), directory, TextWriter.Null).RunAsync(withItem, dryRun: false, CancellationToken.None);

        Assert.Equal(["google_1234"], report.FederatedSkipped);
        Assert.False(pool.Users.ContainsKey("google_1234"));
        Assert.DoesNotContain(pool.Calls, c => string.Equals(c.Operation, "AdminCreateUser", StringComparison.Ordinal));
        Assert.Equal(1, report.ItemsSkipped);
        Assert.False(directory.Items.ContainsKey("USER#" + dave));
    }

    [Fact]
    public async Task A_second_restore_changes_nothing()
    {
        var (pool, directory, snapshot) = await ExportedAsync();
        pool.Users.Remove("alice");
        var restore = new UserDirectoryRestore(TestPacing.Admin(pool), directory, TextWriter.Null);
        var first = await restore.RunAsync(snapshot, dryRun: false, CancellationToken.None);
        var callsAfterFirst = pool.Calls.Count(c => IsWrite(c.Operation));
        var writesAfterFirst = directory.Writes;

        var second = await restore.RunAsync(snapshot, dryRun: false, CancellationToken.None);

        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.Equal(2, second.ItemsPresent);
        Assert.Equal(0, second.ItemsWritten);
        Assert.Equal(callsAfterFirst, pool.Calls.Count(c => IsWrite(c.Operation)));
        Assert.Equal(writesAfterFirst, directory.Writes);
        Assert.Equal(first.SubMapping, second.SubMapping);
    }

    [Fact]
    public async Task A_present_user_who_lost_a_membership_gets_it_back_and_nothing_else_changes()
    {
        var (pool, directory, snapshot) = await ExportedAsync();
        pool.Groups["admins"].Members.Remove("alice");

        var report = await new UserDirectoryRestore(TestPacing.Admin(pool), directory, TextWriter.Null).RunAsync(snapshot, dryRun: false, CancellationToken.None);

        Assert.Contains("alice", pool.Groups["admins"].Members);
        Assert.Equal((0, 4, 1), (report.UsersCreated, report.UsersPresent, report.MembershipsAdded));
    }

    [Fact]
    public async Task A_dry_run_reports_what_it_would_do_and_writes_nothing()
    {
        var (pool, directory, snapshot) = await ExportedAsync();
        var oldSub = pool.Users["alice"].Attributes["sub"];
        pool.Users.Remove("alice");
        pool.Groups.Remove("admins");
        directory.Items.Remove("TENANT#acme");
        var log = new StringWriter();

        var report = await new UserDirectoryRestore(TestPacing.Admin(pool), directory, log).RunAsync(snapshot, dryRun: true, CancellationToken.None);

        Assert.Equal(1, report.UsersCreated);
        Assert.Equal(1, report.GroupsCreated);
        Assert.Equal(1, report.MembershipsAdded);
        Assert.Equal(2, report.ItemsWritten);
        Assert.DoesNotContain(oldSub, report.SubMapping.Keys);
        Assert.DoesNotContain(pool.Calls, c => IsWrite(c.Operation));
        Assert.Equal(0, directory.Writes);
        Assert.Contains("would create user alice", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("would create group admins", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("would write TENANT#acme", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("would write USER#(new sub of alice)", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_cognito_refuses_is_reported_and_the_others_are_restored()
    {
        var (pool, directory, snapshot) = await ExportedAsync();
        pool.Users.Remove("alice");
        pool.Users.Remove("bob");
        var broken = snapshot with { Users = [.. snapshot.Users.Select(u => string.Equals(u.Username, "bob", StringComparison.Ordinal) ? u with { Attributes = new Dictionary<string, string>(u.Attributes, StringComparer.Ordinal) { ["sub"] = u.Sub!, ["custom:unknown"] = "x" } } : u)] };
        pool.RefuseAttribute = "custom:unknown";
        var log = new StringWriter();

        var report = await new UserDirectoryRestore(TestPacing.Admin(pool), directory, log).RunAsync(broken, dryRun: false, CancellationToken.None);

        Assert.Contains(report.Failures, f => f.StartsWith("bob: InvalidParameterException", StringComparison.Ordinal));
        Assert.Contains("failed user bob: InvalidParameterException", log.ToString(), StringComparison.Ordinal);
        Assert.True(pool.Users.ContainsKey("alice"));
        Assert.False(pool.Users.ContainsKey("bob"));
        Assert.Equal(1, report.UsersCreated);
    }

    // Cognito sends the "Forgot password" code to a verified phone number or email; with neither,
    // ForgotPassword is refused with InvalidParameterException (API reference, ForgotPassword:
    // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgotPassword.html),
    // so such a restored user cannot set a password alone: the report names them.
    [Fact]
    public async Task A_user_without_a_verified_email_or_phone_is_named_for_an_administrators_reset()
    {
        var (pool, directory, snapshot) = await ExportedAsync();
        pool.Users.Remove("carol");

        var report = await new UserDirectoryRestore(TestPacing.Admin(pool), directory, TextWriter.Null).RunAsync(snapshot, dryRun: false, CancellationToken.None);

        Assert.Equal(["carol"], report.NeedAdminReset);
    }

    [Theory]
    [InlineData("true", null, false)]
    [InlineData(null, "true", false)]
    [InlineData("TRUE", null, false)]
    [InlineData("false", "false", true)]
    [InlineData("false", null, true)]
    [InlineData(null, "false", true)]
    [InlineData(null, null, true)]
    public async Task Only_a_verified_email_or_phone_lets_a_restored_user_reset_alone(string? emailVerified, string? phoneVerified, bool needsAdmin)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["sub"] = "old-sub" };
        if (emailVerified is not null)
        {
            attributes["email"] = "dana@example.com";
            attributes["email_verified"] = emailVerified;
        }

        if (phoneVerified is not null)
        {
            attributes["phone_number"] = "+15555550100";
            attributes["phone_number_verified"] = phoneVerified;
        }

        var snapshot = Snapshot(new SnapshotUser { Username = "dana", Attributes = attributes, Status = "CONFIRMED", Enabled = true });

        var report = await new UserDirectoryRestore(TestPacing.Admin(new FakeUserPool()), new InMemoryDirectory(), TextWriter.Null).RunAsync(snapshot, dryRun: false, CancellationToken.None);

        Assert.Equal(needsAdmin ? ["dana"] : [], report.NeedAdminReset);
    }

    [Fact]
    public async Task Attributes_cognito_sets_itself_are_not_sent_and_a_user_without_a_sub_is_restored_unmapped()
    {
        var pool = new FakeUserPool();
        var snapshot = Snapshot(
            new SnapshotUser { Username = "erin", Attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["sub"] = "old", ["identities"] = "[]", ["email"] = "erin@example.com" }, Status = "CONFIRMED", Enabled = true },
            new SnapshotUser { Username = "frank", Attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["email"] = "frank@example.com" }, Status = "CONFIRMED", Enabled = true });

        var report = await new UserDirectoryRestore(TestPacing.Admin(pool), new InMemoryDirectory(), TextWriter.Null).RunAsync(snapshot, dryRun: false, CancellationToken.None);

        Assert.Empty(report.Failures);
        Assert.Equal(2, report.UsersCreated);
        Assert.Equal(["old"], report.SubMapping.Keys);
        Assert.Equal("erin@example.com", pool.Users["erin"].Attributes["email"]);
    }

    private static SnapshotContents Snapshot(params SnapshotUser[] users) =>
        new(new SnapshotManifest { FormatVersion = 1, UserPoolId = FakeUserPool.PoolId, Kind = SnapshotFormat.ScheduledKind, StartedAt = default, CompletedAt = default, Counts = SnapshotCounts.None, Parts = [] }, users, [], [], []);

    private static bool IsWrite(string operation) => operation is "AdminCreateUser" or "AdminSetUserPassword" or "AdminDisableUser" or "CreateGroup" or "AdminAddUserToGroup";

    /// <summary>A pool with a tenant user in a group, a disabled user, an unverified user and a federated one, exported.</summary>
    private static async Task<(FakeUserPool Pool, InMemoryDirectory Directory, SnapshotContents Snapshot)> ExportedAsync()
    {
        var pool = new FakeUserPool();
        var alice = pool.Add("alice", "alice@example.com", tenant: "acme");
        pool.Add("bob", "bob@example.com", enabled: false);
        pool.Add("carol", "carol@example.com", verified: false);
        pool.Add("google_1234", "dave@example.com", status: "EXTERNAL_PROVIDER");
        pool.AddGroup("admins", 1, "alice");
        var directory = new InMemoryDirectory();
        // The profile names the pool it was written in; a restore writes it under the pool it restores into.
        directory.Put(("pk", "USER#" + alice.Attributes["sub"]), ("sub", alice.Attributes["sub"]), ("tenantId", "acme"), ("userPoolId", "eu-west-1_Replaced1"));
        directory.Put(("pk", "TENANT#acme"), ("status", "SUSPENDED"));
        var files = new InMemorySnapshots();
        var state = await new UserDirectoryExport(TestPacing.Admin(pool), directory, files.Folder, new ExportSettings { UserPoolId = FakeUserPool.PoolId }, TimeProvider.System)
            .ContinueAsync(new ExportState(), DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None);
        var snapshot = await SnapshotReader.ReadAsync(files.Folder(SnapshotFormat.ScheduledPrefix + state.Snapshot + "/"), CancellationToken.None);
        pool.Calls.Clear();
        return (pool, directory, snapshot);
    }
}
