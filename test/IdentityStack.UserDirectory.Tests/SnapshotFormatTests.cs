using System.IO.Compression;
using System.Text;
using System.Text.Json;
using IdentityStack.UserDirectory.Snapshots;

namespace IdentityStack.UserDirectory.Tests;

public sealed class SnapshotFormatTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_written_snapshot_reads_back_record_for_record()
    {
        var files = new InMemorySnapshots();
        var store = files.Folder("snap/");
        await WriteAsync(store, users: 3);

        var contents = await SnapshotReader.ReadAsync(store, CancellationToken.None);

        Assert.Equal(["user-0", "user-1", "user-2"], contents.Users.Select(u => u.Username));
        Assert.Equal("tenant-a", contents.Users[1].Attributes["custom:tenant_id"]);
        Assert.Equal(new SnapshotGroup("admins", "Administrators", 1, null), Assert.Single(contents.Groups));
        Assert.Equal(new SnapshotCounts(3, 1, 0, 0), contents.Manifest.Counts);
        // The part is gzip JSON Lines: one record a line.
        using var gzip = new GZipStream(new MemoryStream(files.Files["snap/users-00001.jsonl.gz"]), CompressionMode.Decompress);
        var lines = new StreamReader(gzip, Encoding.UTF8).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("user-0", JsonDocument.Parse(lines[0]).RootElement.GetProperty("username").GetString());
    }

    [Fact]
    public async Task A_part_changed_after_the_manifest_is_refused_by_its_digest()
    {
        var files = new InMemorySnapshots();
        await WriteAsync(files.Folder("snap/"), users: 2);
        var part = files.Files["snap/users-00001.jsonl.gz"];
        part[^5] ^= 0x01;

        var error = await Assert.ThrowsAsync<SnapshotRefusedException>(() => SnapshotReader.ReadAsync(files.Folder("snap/"), CancellationToken.None));
        Assert.Contains("users-00001.jsonl.gz: its SHA-256 is not the manifest's", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "is format version 2; this tool reads version 1")]
    [InlineData(0, "is format version 0; this tool reads version 1")]
    public async Task A_manifest_of_another_format_version_is_refused(int version, string expected)
    {
        var files = new InMemorySnapshots();
        await WriteAsync(files.Folder("snap/"), users: 1);
        var manifest = JsonNodeOf(files.Files["snap/manifest.json"]);
        manifest["formatVersion"] = version;
        files.Files["snap/manifest.json"] = Encoding.UTF8.GetBytes(manifest.ToJsonString());

        var error = await Assert.ThrowsAsync<SnapshotRefusedException>(() => SnapshotReader.ReadAsync(files.Folder("snap/"), CancellationToken.None));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "no manifest.json")]
    [InlineData("null", "has no formatVersion")]
    [InlineData("[1]", "has no formatVersion")]
    [InlineData("{\"formatVersion\":\"1\"}", "has no formatVersion")]
    [InlineData("{\"formatVersion\":1}", "is not a valid manifest")]
    [InlineData("{\"formatVersion\":1,\"userPoolId\":\"\",\"kind\":\"scheduled\",\"startedAt\":\"2026-01-01T00:00:00Z\",\"completedAt\":\"2026-01-01T00:00:00Z\",\"counts\":{\"users\":0,\"groups\":0,\"memberships\":0,\"directoryItems\":0},\"parts\":[]}", "lacks its pool, kind, counts or parts")]
    [InlineData("{\"formatVersion\":1,\"userPoolId\":\"p\",\"kind\":\"\",\"startedAt\":\"2026-01-01T00:00:00Z\",\"completedAt\":\"2026-01-01T00:00:00Z\",\"counts\":{\"users\":0,\"groups\":0,\"memberships\":0,\"directoryItems\":0},\"parts\":[]}", "lacks its pool, kind, counts or parts")]
    [InlineData("{\"formatVersion\":1,\"userPoolId\":\"p\",\"kind\":\"scheduled\",\"startedAt\":\"2026-01-01T00:00:00Z\",\"completedAt\":\"2026-01-01T00:00:00Z\",\"counts\":{\"users\":0,\"groups\":0,\"memberships\":0,\"directoryItems\":0},\"parts\":[{\"name\":\"\",\"kind\":\"Users\",\"records\":0,\"bytes\":0,\"sha256\":\"00\"}]}", "lacks its pool, kind, counts or parts")]
    [InlineData("{\"formatVersion\":1,\"userPoolId\":\"p\",\"kind\":\"scheduled\",\"startedAt\":\"2026-01-01T00:00:00Z\",\"completedAt\":\"2026-01-01T00:00:00Z\",\"counts\":{\"users\":0,\"groups\":0,\"memberships\":0,\"directoryItems\":0},\"parts\":[{\"name\":\"x.gz\",\"kind\":\"Users\",\"records\":0,\"bytes\":0,\"sha256\":\"\"}]}", "lacks its pool, kind, counts or parts")]
    [InlineData("{\"formatVersion\":1,\"userPoolId\":\"p\",\"kind\":\"scheduled\",\"startedAt\":\"2026-01-01T00:00:00Z\",\"completedAt\":\"2026-01-01T00:00:00Z\",\"counts\":{\"users\":0,\"groups\":0,\"memberships\":0,\"directoryItems\":0},\"parts\":[null]}", "lacks its pool, kind, counts or parts")]
    [InlineData("{\"formatVersion\":1,\"userPoolId\":\"p\",\"kind\":\"scheduled\",\"startedAt\":\"2026-01-01T00:00:00Z\",\"completedAt\":\"2026-01-01T00:00:00Z\",\"counts\":{\"users\":0,\"groups\":0,\"memberships\":0,\"directoryItems\":0},\"parts\":[{\"name\":\"../../etc/passwd\",\"kind\":\"Users\",\"records\":0,\"bytes\":0,\"sha256\":\"00\"}]}", "is not a file name of a snapshot folder")]
    [InlineData("{\"formatVersion\":1,\"userPoolId\":\"p\",\"kind\":\"scheduled\",\"startedAt\":\"2026-01-01T00:00:00Z\",\"completedAt\":\"2026-01-01T00:00:00Z\",\"counts\":{\"users\":5,\"groups\":0,\"memberships\":0,\"directoryItems\":0},\"parts\":[]}", "its counts are not the sum of its parts'")]
    [InlineData("{\"formatVersion\":1,\"userPoolId\":\"p\",\"kind\":\"scheduled\",\"startedAt\":\"2026-01-01T00:00:00Z\",\"completedAt\":\"2026-01-01T00:00:00Z\",\"counts\":{\"users\":0,\"groups\":0,\"memberships\":0,\"directoryItems\":0},\"parts\":[{\"name\":\"users-00009.jsonl.gz\",\"kind\":\"Users\",\"records\":0,\"bytes\":0,\"sha256\":\"00\"}]}", "users-00009.jsonl.gz is missing")]
    public async Task A_manifest_that_is_not_one_is_refused_in_one_line(string manifest, string expected)
    {
        var directory = Directory.CreateTempSubdirectory("snapshot-test-");
        try
        {
            if (manifest.Length > 0)
            {
                await File.WriteAllTextAsync(Path.Combine(directory.FullName, SnapshotFormat.ManifestName), manifest);
            }

            var error = await Assert.ThrowsAnyAsync<Exception>(() => SnapshotReader.ReadAsync(new LocalSnapshotStore(directory.FullName), CancellationToken.None));
            Assert.True(error is SnapshotRefusedException or InvalidDataException, error.GetType().Name);
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(false, "not json at all\n", "record 1 cannot be read")]
    [InlineData(true, "{\"username\":\"a\",\"attributes\":{},\"status\":\"CONFIRMED\",\"enabled\":true}\nnull\n", "record 2 cannot be read (a record is null)")]
    [InlineData(true, "{\"username\":\"a\"}\n", "record 1 cannot be read")]
    [InlineData(false, "", "record 1 cannot be read")]
    public async Task A_part_whose_digest_matches_but_whose_records_do_not_read_is_refused_naming_the_record(bool gzip, string lines, string expected)
    {
        // Someone who can write the folder can rewrite a part and its digest: the records are still checked.
        var files = new InMemorySnapshots();
        await WriteAsync(files.Folder("snap/"), users: 1);
        var content = gzip ? Gzip(lines) : Encoding.UTF8.GetBytes(lines.Length == 0 ? "\u001f\u008b garbage" : lines);
        files.Files["snap/users-00001.jsonl.gz"] = content;
        var manifest = JsonNodeOf(files.Files["snap/manifest.json"]);
        manifest["parts"]![0]!["sha256"] = SnapshotDigest.Of(content);
        files.Files["snap/manifest.json"] = Encoding.UTF8.GetBytes(manifest.ToJsonString());

        var error = await Assert.ThrowsAsync<SnapshotRefusedException>(() => SnapshotReader.ReadAsync(files.Folder("snap/"), CancellationToken.None));
        Assert.Contains("users-00001.jsonl.gz: " + expected, error.Message, StringComparison.Ordinal);
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    [Fact]
    public async Task A_part_whose_record_count_is_not_the_manifests_is_refused()
    {
        var files = new InMemorySnapshots();
        await WriteAsync(files.Folder("snap/"), users: 2);
        var manifest = JsonNodeOf(files.Files["snap/manifest.json"]);
        manifest["parts"]![0]!["records"] = 3;
        manifest["counts"]!["users"] = 3;
        files.Files["snap/manifest.json"] = Encoding.UTF8.GetBytes(manifest.ToJsonString());

        var error = await Assert.ThrowsAsync<SnapshotRefusedException>(() => SnapshotReader.ReadAsync(files.Folder("snap/"), CancellationToken.None));
        Assert.Contains("holds 2 records; the manifest says 3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://backups-123/snapshots/2026-12-06T03-00-00Z/", "backups-123", "snapshots/2026-12-06T03-00-00Z/")]
    [InlineData("s3://backups-123/snapshots/2026-12-06T03-00-00Z", "backups-123", "snapshots/2026-12-06T03-00-00Z/")]
    [InlineData("s3://abc/x", "abc", "x/")]
    [InlineData("s3://a23456789012345678901234567890123456789012345678901234567890123/x/", "a23456789012345678901234567890123456789012345678901234567890123", "x/")]
    public void An_s3_uri_names_a_bucket_and_a_folder(string uri, string bucket, string prefix) =>
        Assert.Equal((bucket, prefix), S3SnapshotStore.Parse(uri));

    [Theory]
    [InlineData("s3://")]
    [InlineData("s3://bucket")]
    [InlineData("s3://bucket/")]
    [InlineData("s3://Bucket/x/")]
    [InlineData("s3://b/x/")]
    [InlineData("s3://bucket//x/")]
    [InlineData("https://bucket.s3.amazonaws.com/x/")]
    [InlineData("S3://bucket/x/")]
    [InlineData("s3:///x/")]
    [InlineData("s3://ab/x/")]
    [InlineData("s3://a234567890123456789012345678901234567890123456789012345678901234/x/")]
    [InlineData("s3://bucket//")]
    public void What_is_not_an_s3_folder_uri_is_not_taken_for_one(string uri) => Assert.Null(S3SnapshotStore.Parse(uri));

    [Fact]
    public void Directory_items_keep_every_attribute_type_through_the_snapshot()
    {
        var item = new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>(StringComparer.Ordinal)
        {
            ["pk"] = new() { S = "CLIENT#abc" },
            ["scopes"] = new() { SS = ["api/read", "api/write"] },
            ["failures"] = new() { N = "3" },
            ["disabled"] = new() { BOOL = true },
            ["nested"] = new() { M = new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>(StringComparer.Ordinal) { ["list"] = new() { L = [new() { S = "x" }, new() { N = "1" }] } } },
        };

        var json = JsonSerializer.Serialize(DirectoryItemConversion.ToSnapshot(item), SnapshotJsonContext.Default.SnapshotDirectoryItem);
        var back = DirectoryItemConversion.ToItem(JsonSerializer.Deserialize(json, SnapshotJsonContext.Default.SnapshotDirectoryItem)!);

        Assert.Contains("\"SS\":[\"api/read\",\"api/write\"]", json, StringComparison.Ordinal);
        Assert.Equal(["api/read", "api/write"], back["scopes"].SS);
        Assert.Equal("3", back["failures"].N);
        Assert.True(back["disabled"].BOOL);
        Assert.Equal("1", back["nested"].M["list"].L[1].N);
    }

    private static System.Text.Json.Nodes.JsonNode JsonNodeOf(byte[] content) => System.Text.Json.Nodes.JsonNode.Parse(content)!;

    private static async Task WriteAsync(ISnapshotStore store, int users)
    {
        using var userPart = new SnapshotPartWriter<SnapshotUser>(SnapshotPartKind.Users, SnapshotJsonContext.Default.SnapshotUser);
        for (var i = 0; i < users; i++)
        {
            userPart.Write(new SnapshotUser
            {
                Username = $"user-{i}",
                Attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["sub"] = $"sub-{i}", ["custom:tenant_id"] = "tenant-a" },
                Status = "CONFIRMED",
                Enabled = true,
            });
        }

        using var groupPart = new SnapshotPartWriter<SnapshotGroup>(SnapshotPartKind.Groups, SnapshotJsonContext.Default.SnapshotGroup);
        groupPart.Write(new SnapshotGroup("admins", "Administrators", 1, null));
        var parts = new List<SnapshotPart>();
        foreach (var (content, part) in new[] { userPart.Finish(SnapshotFormat.PartName(SnapshotPartKind.Users, 1)), groupPart.Finish(SnapshotFormat.PartName(SnapshotPartKind.Groups, 1)) })
        {
            await store.PutAsync(part.Name, content, CancellationToken.None);
            parts.Add(part);
        }

        var manifest = new SnapshotManifest
        {
            FormatVersion = SnapshotFormat.Version,
            UserPoolId = FakeUserPool.PoolId,
            Kind = SnapshotFormat.ScheduledKind,
            StartedAt = At,
            CompletedAt = At,
            Counts = parts.Aggregate(SnapshotCounts.None, (c, p) => c.With(p)),
            Parts = parts,
        };
        await store.PutAsync(SnapshotFormat.ManifestName, JsonSerializer.SerializeToUtf8Bytes(manifest, SnapshotJsonContext.Default.SnapshotManifest), CancellationToken.None);
    }
}
