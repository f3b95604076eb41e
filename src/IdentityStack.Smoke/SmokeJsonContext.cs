using System.Text.Json.Serialization;

namespace IdentityStack.Smoke;

/// <summary>Source-generated JSON for the outputs file and the Cognito and OAuth answers.</summary>
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, string>>))]
[JsonSerializable(typeof(DescribeUserPoolClientRequest))]
[JsonSerializable(typeof(DescribeUserPoolClientResponse))]
[JsonSerializable(typeof(CognitoErrorResponse))]
[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class SmokeJsonContext : JsonSerializerContext;
