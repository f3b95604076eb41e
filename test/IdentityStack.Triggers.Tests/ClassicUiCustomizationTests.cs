using System.Net;
using System.Text;
using IdentityStack.Testing;
using IdentityStack.Triggers.Cognito;
using IdentityStack.Triggers.CustomResources;

namespace IdentityStack.Triggers.Tests;

/// <summary>The classic UI custom resource: SigV4, the Cognito call, and CloudFormation's answer, against loopback endpoints.</summary>
public sealed class ClassicUiCustomizationTests
{
    private static readonly Amazon.Runtime.SessionAWSCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token");
    private static readonly DateTimeOffset SuiteDate = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    private static (ClassicUiCustomizationHandler Handler, StringWriter Log) Handler(RecordingCognitoEndpoint endpoints, HttpClient http)
    {
        var client = new CognitoUiCustomizationClient(new CognitoJsonClient(http, new Uri(endpoints.Url + "/"), Amazon.RegionEndpoint.EUWest1, CognitoUiCustomizationClient.Service, () => Credentials, new FixedClock(SuiteDate)));
        var log = new StringWriter();
        return (new ClassicUiCustomizationHandler(client, http, log, new CloudFormationResponseUrls(endpoints.Url)), log);
    }

    private static byte[] Event(string requestType, string responseUrl, string properties = """{ "ServiceToken": "arn:aws:lambda:eu-west-1:111122223333:function:f", "UserPoolId": "eu-west-1_Abc123", "ClientId": "ALL", "Css": ".banner-customizable { color: red; }", "ImageFile": "iVBORw0KGgo=" }""") =>
        Encoding.UTF8.GetBytes($$"""
            { "RequestType": "{{requestType}}", "ResponseURL": "{{responseUrl}}", "StackId": "arn:aws:cloudformation:eu-west-1:111122223333:stack/IdentityStack-dev/1",
              "RequestId": "req-1", "ResourceType": "Custom::ClassicUiCustomization", "LogicalResourceId": "SignInClassicUi",
              {{(string.Equals(requestType, "Create", StringComparison.Ordinal) ? string.Empty : "\"PhysicalResourceId\": \"eu-west-1_Abc123:ALL:classic-ui\",")}}
              "ResourceProperties": {{properties}} }
            """);

    /// <summary>
    /// What the endpoint receives is what AWSSDK.Core signed: the same headers and the same body, so
    /// Cognito's own recomputation of the signature matches. Recomputed here from the recorded request.
    /// </summary>
    [Fact]
    public async Task The_recorded_request_carries_exactly_what_was_signed_with_the_session_token()
    {
        await using var endpoints = new RecordingCognitoEndpoint();
        using var http = new HttpClient();
        var (handler, _) = Handler(endpoints, http);

        await handler.InvokeAsync(Event("Create", endpoints.Url + "/cfn-response"), new TestContext(), CancellationToken.None);

        var call = endpoints.Requests.First();
        var uri = new Uri(endpoints.Url + "/");
        var reference = new Amazon.Runtime.Signing.AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = uri, Content = Encoding.UTF8.GetBytes(call.Body) };
        reference.Headers["Content-Type"] = call.Header("content-type")!;
        reference.Headers["X-Amz-Target"] = call.Header("x-amz-target")!;
        var expected = Amazon.Runtime.Signing.AWSSigV4Signer.Sign(reference, new Amazon.Runtime.Signing.AWSSigV4Parameters
        {
            Credentials = Credentials,
            Region = Amazon.RegionEndpoint.EUWest1,
            Service = "cognito-idp",
            SignedAt = SuiteDate.UtcDateTime,
        });

        Assert.Equal(expected.Headers.Single(h => string.Equals(h.Key, "Authorization", StringComparison.OrdinalIgnoreCase)).Value, call.Header("authorization"));
        Assert.Equal("session-token", call.Header("x-amz-security-token"));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(call.Body))), call.Header("x-amz-content-sha256"));
    }

    [Fact]
    public async Task Create_sets_css_and_logo_with_a_signed_json_call_and_answers_success()
    {
        await using var endpoints = new RecordingCognitoEndpoint();
        using var http = new HttpClient();
        var (handler, log) = Handler(endpoints, http);

        await handler.InvokeAsync(Event("Create", endpoints.Url + "/cfn-response?X-Amz-Signature=abc"), new TestContext(), CancellationToken.None);

        var requests = endpoints.Requests.ToList();
        Assert.Equal(["POST /", "PUT /cfn-response"], requests.Select(r => r.Method + " " + r.Path));
        var call = requests[0];
        Assert.Equal("AWSCognitoIdentityProviderService.SetUICustomization", call.Header("x-amz-target"));
        Assert.Equal("application/x-amz-json-1.1", call.Header("content-type"));
        Assert.Equal("session-token", call.Header("x-amz-security-token"));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/cognito-idp/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-target, Signature=", call.Header("authorization"), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(call.Body);
        Assert.Equal("eu-west-1_Abc123", body.RootElement.GetProperty("UserPoolId").GetString());
        Assert.Equal("ALL", body.RootElement.GetProperty("ClientId").GetString());
        Assert.Equal(".banner-customizable { color: red; }", body.RootElement.GetProperty("CSS").GetString());
        Assert.Equal("iVBORw0KGgo=", body.RootElement.GetProperty("ImageFile").GetString());
        using var answer = JsonDocument.Parse(requests[1].Body);
        Assert.Equal("SUCCESS", answer.RootElement.GetProperty("Status").GetString());
        Assert.Equal("eu-west-1_Abc123:ALL:classic-ui", answer.RootElement.GetProperty("PhysicalResourceId").GetString());
        Assert.Equal("req-1", answer.RootElement.GetProperty("RequestId").GetString());
        Assert.Equal("SignInClassicUi", answer.RootElement.GetProperty("LogicalResourceId").GetString());
        Assert.Contains("Create SignInClassicUi: SUCCESS", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cognito_error_is_answered_as_failed_with_its_type_and_message()
    {
        await using var endpoints = new RecordingCognitoEndpoint { CognitoAnswer = (HttpStatusCode.BadRequest, """{"__type":"InvalidParameterException","message":"Image file is too large"}""") };
        using var http = new HttpClient();

        await Handler(endpoints, http).Handler.InvokeAsync(Event("Update", endpoints.Url + "/cfn-response"), new TestContext(), CancellationToken.None);

        using var answer = JsonDocument.Parse(endpoints.Requests.Last().Body);
        Assert.Equal("FAILED", answer.RootElement.GetProperty("Status").GetString());
        Assert.Equal("InvalidParameterException: Image file is too large", answer.RootElement.GetProperty("Reason").GetString());
        Assert.Equal("eu-west-1_Abc123:ALL:classic-ui", answer.RootElement.GetProperty("PhysicalResourceId").GetString());
    }

    [Fact]
    public async Task Missing_properties_are_answered_as_failed_naming_the_property_without_calling_cognito()
    {
        await using var endpoints = new RecordingCognitoEndpoint();
        using var http = new HttpClient();

        await Handler(endpoints, http).Handler.InvokeAsync(Event("Create", endpoints.Url + "/cfn-response", """{ "ClientId": "ALL" }"""), new TestContext(), CancellationToken.None);

        var only = Assert.Single(endpoints.Requests);
        Assert.Equal("PUT", only.Method);
        using var answer = JsonDocument.Parse(only.Body);
        Assert.Equal("FAILED", answer.RootElement.GetProperty("Status").GetString());
        Assert.StartsWith("ResourceProperties.UserPoolId is missing", answer.RootElement.GetProperty("Reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_clears_the_customization_and_a_pool_already_gone_still_succeeds()
    {
        await using var endpoints = new RecordingCognitoEndpoint { CognitoAnswer = (HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.cognito#ResourceNotFoundException","message":"User pool does not exist."}""") };
        using var http = new HttpClient();

        await Handler(endpoints, http).Handler.InvokeAsync(Event("Delete", endpoints.Url + "/cfn-response"), new TestContext(), CancellationToken.None);

        var requests = endpoints.Requests.ToList();
        using var cleared = JsonDocument.Parse(requests[0].Body);
        Assert.False(cleared.RootElement.TryGetProperty("CSS", out _));
        Assert.False(cleared.RootElement.TryGetProperty("ImageFile", out _));
        using var answer = JsonDocument.Parse(requests[1].Body);
        Assert.Equal("SUCCESS", answer.RootElement.GetProperty("Status").GetString());
        Assert.Equal("eu-west-1_Abc123:ALL:classic-ui", answer.RootElement.GetProperty("PhysicalResourceId").GetString());
    }

    [Fact]
    public async Task An_event_without_a_response_url_is_an_event_format_error()
    {
        await using var endpoints = new RecordingCognitoEndpoint();
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<IdentityStack.Lambda.Runtime.LambdaEventFormatException>(async () =>
            await Handler(endpoints, http).Handler.InvokeAsync("""{ "RequestType": "Create" }"""u8.ToArray(), new TestContext(), CancellationToken.None));

        Assert.Contains("no ResponseURL", error.Message, StringComparison.Ordinal);
        Assert.Empty(endpoints.Requests);
    }
}
