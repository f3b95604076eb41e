namespace IdentityStack.Smoke;

/// <summary>DescribeUserPoolClient input (Cognito JSON protocol).</summary>
internal sealed record DescribeUserPoolClientRequest(string UserPoolId, string ClientId);
