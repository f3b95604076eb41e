using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace IdentityStack.Constructs.Data;

/// <summary>
/// The data the identity pool's roles reach: a bucket (S3-managed encryption, public access blocked,
/// TLS only, versioned, access-logged, CORS for the app's origins), a user data table and a
/// leaderboard table, both keyed by identity id (encrypted, point-in-time recovery).
/// </summary>
public sealed class UserDataStore : Construct
{
    /// <summary>Days after which S3 aborts a multipart upload that never completed (its parts are billed until then).</summary>
    private const int IncompleteUploadDays = 7;

    /// <summary>User files under private/, public/ and tenants/ (see <see cref="UserDataLayout"/>).</summary>
    public Bucket Bucket { get; }

    /// <summary>Server access logs of <see cref="Bucket"/>.</summary>
    public Bucket AccessLogBucket { get; }

    /// <summary>Per-user items: partition key identityId, sort key itemId.</summary>
    public Table UserDataTable { get; }

    /// <summary>One item per player (partition key identityId); anyone reads, each writes only their own.</summary>
    public Table LeaderboardTable { get; }

    /// <summary>Creates the bucket, its log bucket and the two tables.</summary>
    public UserDataStore(Construct scope, string id, UserDataStoreProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        foreach (var origin in props.CorsOrigins.Where(o => !Uri.TryCreate(o, UriKind.Absolute, out var u) || !string.Equals(u.AbsolutePath, "/", StringComparison.Ordinal) || !string.IsNullOrEmpty(u.Query)))
        {
            throw new ArgumentException($"CorsOrigins: '{origin}' is not an origin; give scheme://host[:port] without a path.", nameof(props));
        }

        // Log delivery through a bucket policy, not the deprecated LogDeliveryWrite ACL, whatever the app's feature flags.
        Node.SetContext("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);
        AccessLogBucket = CreateAccessLogBucket(props);
        Bucket = new Bucket(this, "Files", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            Versioned = true,
            // Current files stay as long as users keep them; what they replaced or deleted expires,
            // and so do uploads that never completed.
            LifecycleRules =
            [
                new LifecycleRule
                {
                    NoncurrentVersionExpiration = props.NoncurrentVersionExpiration,
                    AbortIncompleteMultipartUploadAfter = Duration.Days(IncompleteUploadDays),
                },
            ],
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            ServerAccessLogsBucket = AccessLogBucket,
            ServerAccessLogsPrefix = "files/",
            RemovalPolicy = props.RemovalPolicy,
            Cors = props.CorsOrigins.Count == 0 ? null :
            [
                new CorsRule
                {
                    AllowedOrigins = [.. props.CorsOrigins.Select(o => o.TrimEnd('/'))],
                    AllowedMethods = [HttpMethods.GET, HttpMethods.HEAD, HttpMethods.PUT, HttpMethods.DELETE],
                    AllowedHeaders = ["*"],
                    ExposedHeaders = ["ETag"],
                    MaxAge = 3000,
                },
            ],
        });
        UserDataTable = SecureTable.Create(this, "Items", UserDataLayout.IdentityIdKey, props.RemovalPolicy, UserDataLayout.ItemKey);
        LeaderboardTable = SecureTable.Create(this, "Leaderboard", UserDataLayout.IdentityIdKey, props.RemovalPolicy);
    }

    /// <summary>The files bucket's S3 access logs: versioned (a log cannot be silently overwritten), every version expiring.</summary>
    private Bucket CreateAccessLogBucket(UserDataStoreProps props) =>
        new(this, "AccessLogs", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            RemovalPolicy = props.RemovalPolicy,
            Versioned = true,
            LifecycleRules =
            [
                new LifecycleRule
                {
                    Expiration = props.AccessLogExpiration,
                    NoncurrentVersionExpiration = Duration.Days(7),
                    AbortIncompleteMultipartUploadAfter = Duration.Days(IncompleteUploadDays),
                },
            ],
        });
}
