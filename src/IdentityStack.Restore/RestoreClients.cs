using Amazon;
using Amazon.S3;

namespace IdentityStack.Restore;

/// <summary>The tool's AWS clients: the SDK's endpoints and standard credential chain.</summary>
internal static class RestoreClients
{
    /// <summary>S3 in <paramref name="region"/>; AWS_ENDPOINT_URL_S3, when set, path-style (an S3-compatible endpoint).</summary>
    public static AmazonS3Client S3(RegionEndpoint region)
    {
        var config = new AmazonS3Config { RegionEndpoint = region };
        if (Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3") is { Length: > 0 } endpoint)
        {
            config.ServiceURL = endpoint;
            config.ForcePathStyle = true;
        }

        return new AmazonS3Client(config);
    }
}
