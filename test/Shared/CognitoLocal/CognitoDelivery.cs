using System.Text.Json.Nodes;

namespace IdentityStack.Testing;

/// <summary>A message cognito-local delivered: the code, and the email or SMS text after the custom message trigger.</summary>
internal sealed record CognitoDelivery(string Username, string? Destination, string Code, string? EmailSubject, string? EmailMessage, string? SmsMessage)
{
    public static CognitoDelivery From(JsonObject delivery) => new(
        (string?)delivery["username"] ?? string.Empty,
        (string?)delivery["destination"],
        (string?)delivery["code"] ?? string.Empty,
        (string?)delivery["emailSubject"],
        (string?)delivery["emailMessage"],
        (string?)delivery["smsMessage"]);
}
