using Amazon.CDK.AWS.IAM;

namespace IdentityStack.Constructs.Encryption;

/// <summary>Key policy statements every customer managed key of the platform carries.</summary>
public static class KeyPolicyStatements
{
    /// <summary>
    /// Denies <c>kms:CreateGrant</c> to every principal unless the grant is for an AWS resource or the
    /// caller is an AWS service, so nobody can hand the key's use to an arbitrary principal through a
    /// grant (which key policies and IAM would not show). AWS Control Tower proactive control
    /// CT.KMS.PR.3 checks for exactly this statement.
    /// </summary>
    public static PolicyStatement DenyGrantsExceptForAwsServices() => new(new PolicyStatementProps
    {
        Sid = "GrantsOnlyForAwsServices",
        Effect = Effect.DENY,
        Principals = [new AnyPrincipal()],
        Actions = ["kms:CreateGrant"],
        Resources = ["*"],
        Conditions = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["BoolIfExists"] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["kms:GrantIsForAWSResource"] = "false",
                ["aws:PrincipalIsAWSService"] = "false",
            },
        },
    });
}
