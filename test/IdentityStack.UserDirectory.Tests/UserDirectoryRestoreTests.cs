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

        var report = await new UserDirectoryRestore(TestPacing.Admin(pool), directory, TextWriter.Null).RunAsync(snapshot, dryRun: false, CancellationToken.None);

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
        Assert.Equal(callsAfterFirst, pool.Calls.Count(c => IsWrite(c.Operation)));
        Assert.Equal(writesAfterFirst, directory.Writes);
        Assert.Equal(first.SubMapping, second.SubMapping);
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
    }

    [Fact]
    public async Task A_user_cognito_refuses_is_reported_and_the_others_are_restored()
    {
        var (pool, directory, snapshot) = await ExportedAsync();
        pool.Users.Remove("alice");
        pool.Users.Remove("bob");
        var broken = snapshot with { Users = [.. snapshot.Users.Select(u => string.Equals(u.Username, "bob", StringComparison.Ordinal) ? u with { Attributes = new Dictionary<string, string>(u.Attributes, StringComparer.Ordinal) { ["sub"] = u.Sub!, ["custom:unknown"] = "x" } } : u)] };
        pool.RefuseAttribute = "custom:unknown";

        var report = await new UserDirectoryRestore(TestPacing.Admin(pool), directory, TextWriter.Null).RunAsync(broken, dryRun: false, CancellationToken.None);

        Assert.Contains(report.Failures, f => f.StartsWith("bob: InvalidParameterException", StringComparison.Ordinal));
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
        directory.Put(("pk", "USER#" + alice.Attributes["sub"]), ("sub", alice.Attributes["sub"]), ("tenantId", "acme"), ("userPoolId", FakeUserPool.PoolId));
        directory.Put(("pk", "TENANT#acme"), ("status", "SUSPENDED"));
        var files = new InMemorySnapshots();
        var state = await new UserDirectoryExport(TestPacing.Admin(pool), directory, files.Folder, new ExportSettings { UserPoolId = FakeUserPool.PoolId }, TimeProvider.System)
            .ContinueAsync(new ExportState(), DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None);
        var snapshot = await SnapshotReader.ReadAsync(files.Folder(SnapshotFormat.ScheduledPrefix + state.Snapshot + "/"), CancellationToken.None);
        pool.Calls.Clear();
        return (pool, directory, snapshot);
    }
}
