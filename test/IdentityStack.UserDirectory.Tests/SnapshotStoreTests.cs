using Amazon.Runtime;
using Amazon.S3;
using IdentityStack.Testing;
using IdentityStack.UserDirectory.Snapshots;

namespace IdentityStack.UserDirectory.Tests;

/// <summary>Where snapshots are kept: a local folder takes file names only; S3 parts are gzip, the manifest JSON; a missing file is null.</summary>
public sealed class SnapshotStoreTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("users-00001.jsonl.gz")]
    [InlineData("..a")]
    public async Task A_local_folder_takes_a_file_name(string name)
    {
        var folder = Directory.CreateTempSubdirectory("store-");
        try
        {
            var store = new LocalSnapshotStore(folder.FullName);
            await store.PutAsync(name, [1, 2, 3], CancellationToken.None);
            Assert.Equal([1, 2, 3], await store.GetAsync(name, CancellationToken.None));
            Assert.Null(await store.GetAsync("other", CancellationToken.None));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_name_of_up_to_100_characters_is_a_file_name_and_101_is_not()
    {
        var folder = Directory.CreateTempSubdirectory("store-");
        try
        {
            var store = new LocalSnapshotStore(folder.FullName);
            await store.PutAsync(new string('x', 100), [1], CancellationToken.None);
            await Assert.ThrowsAsync<InvalidDataException>(() => store.PutAsync(new string('x', 101), [1], CancellationToken.None));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("/etc/passwd")]
    [InlineData("../manifest.json")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a\0b")]
    public async Task A_name_with_a_path_in_it_is_refused(string name)
    {
        var store = new LocalSnapshotStore(Path.Combine(Path.GetTempPath(), "never-created-" + Guid.NewGuid().ToString("N")));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.GetAsync(name, CancellationToken.None));
        Assert.Contains("is not a file name of a snapshot folder", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidDataException>(() => store.PutAsync(name, [1], CancellationToken.None));
    }

    [Theory]
    [InlineData("/backups/snap", "/backups/snap/")]
    [InlineData("/backups/snap/", "/backups/snap/")]
    public void A_local_folders_location_ends_with_one_separator(string folder, string location) =>
        Assert.Equal(location, new LocalSnapshotStore(folder).Location);

    [Fact]
    public async Task S3_keeps_parts_and_the_manifest_under_the_prefix_and_a_missing_file_is_null()
    {
        await using var s3 = new LoopbackS3();
        // The factory the export and the restore use, with AWS_ENDPOINT_URL_S3 taken.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDSTORETEST");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "store-test-secret");
        using var client = S3SnapshotStore.CreateClient(name => string.Equals(name, "AWS_ENDPOINT_URL_S3", StringComparison.Ordinal) ? s3.Url : null, Amazon.RegionEndpoint.EUWest1);
        var store = new S3SnapshotStore(client, "identity-backups", "snapshots/2026-12-06T03-00-00Z/");

        await store.PutAsync("users-00001.jsonl.gz", [31, 139, 8], CancellationToken.None);
        await store.PutAsync(SnapshotFormat.ManifestName, "{}"u8.ToArray(), CancellationToken.None);

        Assert.Equal("s3://identity-backups/snapshots/2026-12-06T03-00-00Z/", store.Location);
        Assert.Equal([31, 139, 8], s3.Objects["identity-backups/snapshots/2026-12-06T03-00-00Z/users-00001.jsonl.gz"]);
        Assert.Equal("application/gzip", s3.ContentTypes["identity-backups/snapshots/2026-12-06T03-00-00Z/users-00001.jsonl.gz"]);
        Assert.Equal("application/json", s3.ContentTypes["identity-backups/snapshots/2026-12-06T03-00-00Z/manifest.json"]);
        Assert.Equal("{}"u8.ToArray(), await store.GetAsync(SnapshotFormat.ManifestName, CancellationToken.None));
        Assert.Null(await store.GetAsync("memberships-00001.jsonl.gz", CancellationToken.None));
    }

    [Fact]
    public async Task An_s3_error_other_than_not_found_is_raised()
    {
        await using var s3 = new LoopbackS3 { Refuse = true };
        using var client = new AmazonS3Client(new BasicAWSCredentials("AKIDSTORETEST", "store-test-secret"), new AmazonS3Config { ServiceURL = s3.Url, ForcePathStyle = true, MaxErrorRetry = 0 });
        var store = new S3SnapshotStore(client, "identity-backups", "snapshots/x/");

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => store.GetAsync(SnapshotFormat.ManifestName, CancellationToken.None));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
    }
}
