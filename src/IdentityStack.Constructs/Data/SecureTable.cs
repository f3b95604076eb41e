using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Constructs;

namespace IdentityStack.Constructs.Data;

/// <summary>The one way this library makes a DynamoDB table: on demand, encrypted, point-in-time recovery, deletion-protected when retained.</summary>
public static class SecureTable
{
    /// <summary>A table with a string partition key (and optional string sort key and time-to-live attribute).</summary>
    public static Table Create(Construct scope, string id, string partitionKey, RemovalPolicy removalPolicy, string? sortKey = null, string? timeToLiveAttribute = null) =>
        new(scope, id, new TableProps
        {
            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = partitionKey, Type = AttributeType.STRING },
            SortKey = sortKey is null ? null : new Amazon.CDK.AWS.DynamoDB.Attribute { Name = sortKey, Type = AttributeType.STRING },
            BillingMode = BillingMode.PAY_PER_REQUEST,
            Encryption = TableEncryption.AWS_MANAGED,
            PointInTimeRecovery = true,
            DeletionProtection = removalPolicy == RemovalPolicy.RETAIN,
            RemovalPolicy = removalPolicy,
            TimeToLiveAttribute = timeToLiveAttribute,
        });
}
