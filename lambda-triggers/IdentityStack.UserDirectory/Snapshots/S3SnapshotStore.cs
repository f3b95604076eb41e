using System.Net;
using Amazon;
using Amazon.S3;
using Amazon.S3.Model;

namespace IdentityStack.UserDirectory.Snapshots;

/// <summary>A snapshot under an S3 prefix (the backup bucket's <c>snapshots/{time}/</c>); objects take the bucket's default encryption.</summary>
public sealed class S3SnapshotStore(IAmazonS3 s3, string bucket, string prefix) : ISnapshotStore
{
    /// <inheritdoc />
    public string Location => $"s3://{bucket}/{prefix}";

    /// <inheritdoc />
    public async Task PutAsync(string name, byte[] content, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(content, writable: false);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = prefix + name,
            InputStream = body,
            ContentType = name.EndsWith(".gz", StringComparison.Ordinal) ? "application/gzip" : "application/json",
            ChecksumAlgorithm = ChecksumAlgorithm.SHA256,
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<byte[]?> GetAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(bucket, prefix + name, cancellationToken).ConfigureAwait(false);
            using var content = new MemoryStream();
            await response.ResponseStream.CopyToAsync(content, cancellationToken).ConfigureAwait(false);
            return content.ToArray();
        }
        catch (AmazonS3Exception error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// The S3 client the export and the restore use: the SDK's endpoint and credentials, or the one
    /// AWS_ENDPOINT_URL_S3 names, path-style (an S3-compatible or loopback endpoint has no
    /// bucket subdomains). <paramref name="region"/> null takes the SDK's (AWS_REGION in Lambda).
    /// </summary>
    public static AmazonS3Client CreateClient(Func<string, string?> environment, RegionEndpoint? region = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var config = new AmazonS3Config();
        if (region is not null)
        {
            config.RegionEndpoint = region;
        }

        if (environment("AWS_ENDPOINT_URL_S3") is { Length: > 0 } endpoint)
        {
            config.ServiceURL = endpoint;
            config.ForcePathStyle = true;
        }

        return new AmazonS3Client(config);
    }

    /// <summary>The bucket and prefix of an <c>s3://bucket/prefix/</c> URI (the prefix ends with '/'), or null when it is not one.</summary>
    public static (string Bucket, string Prefix)? Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.StartsWith("s3://", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = uri["s3://".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? string.Empty : rest[(slash + 1)..];
        if (bucket.Length is < 3 or > 63 || !bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.') || prefix.Length == 0 || prefix.StartsWith('/') || prefix.Contains("//", StringComparison.Ordinal))
        {
            return null;
        }

        return (bucket, prefix.EndsWith('/') ? prefix : prefix + "/");
    }
}
