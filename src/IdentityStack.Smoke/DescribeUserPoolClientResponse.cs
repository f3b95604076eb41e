namespace IdentityStack.Smoke;

/// <summary>DescribeUserPoolClient output: the part the smoke test reads.</summary>
internal sealed record DescribeUserPoolClientResponse(UserPoolClientDescription? UserPoolClient);
