using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdentityStack.Lambda.CognitoEvents;

/// <summary>Custom message: the text of every email and SMS Cognito sends with a code or link.</summary>
public sealed class CustomMessageEvent : CognitoTriggerEvent<CustomMessageRequest, CustomMessageResponse>;

/// <summary>The request of <see cref="CustomMessageEvent"/>.</summary>
public sealed class CustomMessageRequest : CognitoTriggerRequest
{
    /// <summary>Placeholder Cognito replaces with the code, e.g. <c>{####}</c>; every message must contain it.</summary>
    [JsonPropertyName("codeParameter")]
    public string CodeParameter { get; set; } = string.Empty;

    /// <summary>Placeholder for a verification link, when link verification is on.</summary>
    [JsonPropertyName("linkParameter")]
    public string? LinkParameter { get; set; }

    /// <summary>Placeholder for the username (admin-created users' invitations).</summary>
    [JsonPropertyName("usernameParameter")]
    public string? UsernameParameter { get; set; }
}

/// <summary>The response of <see cref="CustomMessageEvent"/>; null keeps Cognito's default text.</summary>
public sealed class CustomMessageResponse
{
    /// <summary>SMS text.</summary>
    [JsonPropertyName("smsMessage")]
    public string? SmsMessage { get; set; }

    /// <summary>Email body (HTML allowed when sending through SES).</summary>
    [JsonPropertyName("emailMessage")]
    public string? EmailMessage { get; set; }

    /// <summary>Email subject.</summary>
    [JsonPropertyName("emailSubject")]
    public string? EmailSubject { get; set; }

    /// <summary>Fields not modelled here.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Unknown { get; set; }
}
