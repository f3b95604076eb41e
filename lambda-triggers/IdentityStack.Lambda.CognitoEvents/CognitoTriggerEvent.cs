using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdentityStack.Lambda.CognitoEvents;

/// <summary>
/// The fields every Cognito user pool trigger event shares. A trigger fills <see cref="Response"/>
/// and returns the whole event; fields this model does not know are kept in <see cref="Unknown"/>
/// and written back unchanged.
/// </summary>
public abstract class CognitoTriggerEvent<TRequest, TResponse>
    where TRequest : new()
    where TResponse : new()
{
    /// <summary>Event version: "1", or "2"/"3" for pre token generation V2/V3.</summary>
    [JsonPropertyName("version")]
    public string Version { get; set; } = "1";

    /// <summary>Region of the user pool.</summary>
    [JsonPropertyName("region")]
    public string Region { get; set; } = string.Empty;

    /// <summary>Id of the user pool.</summary>
    [JsonPropertyName("userPoolId")]
    public string UserPoolId { get; set; } = string.Empty;

    /// <summary>The user's username (for federated users, "Provider_id").</summary>
    [JsonPropertyName("userName")]
    public string? UserName { get; set; }

    /// <summary>Who called Cognito.</summary>
    [JsonPropertyName("callerContext")]
    public CognitoCallerContext CallerContext { get; set; } = new();

    /// <summary>Which operation fired the trigger, e.g. <c>PreSignUp_SignUp</c>; see <see cref="CognitoTriggerSources"/>.</summary>
    [JsonPropertyName("triggerSource")]
    public string TriggerSource { get; set; } = string.Empty;

    /// <summary>What Cognito sends.</summary>
    [JsonPropertyName("request")]
    public TRequest Request { get; set; } = new();

    /// <summary>What the trigger answers.</summary>
    [JsonPropertyName("response")]
    public TResponse Response { get; set; } = new();

    /// <summary>Fields not modelled here, returned unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>The <c>callerContext</c> of a trigger event.</summary>
public sealed class CognitoCallerContext
{
    /// <summary>SDK version of the caller.</summary>
    [JsonPropertyName("awsSdkVersion")]
    public string? AwsSdkVersion { get; set; }

    /// <summary>The app client the user is signing in or up through.</summary>
    [JsonPropertyName("clientId")]
    public string? ClientId { get; set; }

    /// <summary>Fields not modelled here.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>Request fields most triggers carry.</summary>
public abstract class CognitoTriggerRequest
{
    /// <summary>The user's attributes (<c>email</c>, <c>custom:tenant_id</c>, ...).</summary>
    [JsonPropertyName("userAttributes")]
    public IDictionary<string, string> UserAttributes { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Key-value pairs the app passed as ClientMetadata.</summary>
    [JsonPropertyName("clientMetadata")]
    public IDictionary<string, string>? ClientMetadata { get; set; }

    /// <summary>Fields not modelled here.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Unknown { get; set; }

    /// <summary>An attribute's value, or null when the user does not have it.</summary>
    public string? Attribute(string name) => UserAttributes.TryGetValue(name, out var value) ? value : null;
}

/// <summary>Response fields of triggers that answer nothing but "go on" (the response object stays empty).</summary>
public sealed class EmptyTriggerResponse
{
    /// <summary>Fields not modelled here.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Unknown { get; set; }
}
