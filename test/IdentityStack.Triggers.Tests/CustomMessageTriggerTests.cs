using IdentityStack.Triggers.Messages;

namespace IdentityStack.Triggers.Tests;

public sealed class CustomMessageTriggerTests
{
    private static readonly MessageCatalog Catalog = MessageCatalog.LoadEmbedded();

    public static TheoryData<string, string, bool> EverySourceLanguageAndSender()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var kind in MessageCatalog.MessageKinds)
        {
            foreach (var locale in new[] { "en-US", "de-DE" })
            {
                data.Add("CustomMessage_" + kind, locale, true);
                data.Add("CustomMessage_" + kind, locale, false);
            }
        }

        return data;
    }

    private static async Task<CustomMessageEvent> Run(string source, string? locale, bool ses)
    {
        var e = Fixtures.Load("custom-message-sign-up.json", Fixtures.Json.CustomMessageEvent);
        e.TriggerSource = source;
        if (locale is null)
        {
            e.Request.UserAttributes.Remove("locale");
        }
        else
        {
            e.Request.UserAttributes["locale"] = locale;
        }

        if (string.Equals(source, CognitoTriggerSources.CustomMessageAdminCreateUser, StringComparison.Ordinal))
        {
            e.Request.UsernameParameter = "{username}";
        }

        var settings = Fixtures.Settings((TriggerEnvironment.EmailSender, ses ? "SES" : "COGNITO"));
        return await new CustomMessageTrigger(Catalog, settings).HandleAsync(e, new TestContext(), CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(EverySourceLanguageAndSender))]
    public async Task Every_message_carries_the_code_and_html_only_goes_through_ses(string source, string locale, bool ses)
    {
        var result = (await Run(source, locale, ses)).Response;

        Assert.Contains("{####}", result.EmailMessage, StringComparison.Ordinal);
        Assert.Contains("{####}", result.SmsMessage, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(result.EmailSubject));
        Assert.Equal(ses, result.EmailMessage!.Contains("<p>", StringComparison.Ordinal));
        Assert.DoesNotContain("{code}", result.EmailMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_users_locale_picks_the_language_and_anything_unknown_falls_back_to_english()
    {
        Assert.Equal("Bestätigen Sie Ihre E-Mail-Adresse", (await Run(CognitoTriggerSources.CustomMessageSignUp, "de-AT", false)).Response.EmailSubject);
        Assert.Equal("Verify your email address", (await Run(CognitoTriggerSources.CustomMessageSignUp, "fr-FR", false)).Response.EmailSubject);
        Assert.Equal("Verify your email address", (await Run(CognitoTriggerSources.CustomMessageSignUp, null, false)).Response.EmailSubject);
    }

    [Fact]
    public async Task An_invitation_tells_the_username_and_the_temporary_password()
    {
        var response = (await Run(CognitoTriggerSources.CustomMessageAdminCreateUser, "en", false)).Response;

        Assert.Contains("Username: {username}", response.EmailMessage, StringComparison.Ordinal);
        Assert.Contains("Temporary password: {####}", response.EmailMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_shipped_languages_are_loaded() =>
        Assert.Equal(["de", "en"], Catalog.Languages.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    [Fact]
    public void A_template_without_the_code_is_refused_at_load_naming_file_and_message()
    {
        var broken = new MessageTemplate("Hi", "no code here", "<p>{code}</p>", "{code}");
        var messages = MessageCatalog.MessageKinds.ToDictionary(k => k, _ => new MessageTemplate("s", "{code} {username}", "{code} {username}", "{code} {username}"), StringComparer.Ordinal);
        messages["ForgotPassword"] = broken;

        var error = Assert.Throws<InvalidOperationException>(() => MessageCatalog.Create(new(StringComparer.Ordinal) { ["en"] = messages }));

        Assert.Contains("Messages/en.json 'ForgotPassword' text lacks {code}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalog_without_english_or_with_a_gap_is_refused()
    {
        var partial = new Dictionary<string, MessageTemplate>(StringComparer.Ordinal) { ["SignUp"] = new("s", "{code}", "{code}", "{code}") };

        var error = Assert.Throws<InvalidOperationException>(() => MessageCatalog.Create(new(StringComparer.Ordinal) { ["fr"] = partial }));

        Assert.Contains("Messages/en.json is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Messages/fr.json has no 'ForgotPassword' message", error.Message, StringComparison.Ordinal);
    }

    // An invitation names the username: Cognito's usernameParameter when it sends one, else the
    // event's userName, else nothing (never the placeholder itself).
    [Theory]
    [InlineData("{username}", "maria", "{username}")]
    [InlineData(null, "maria", "maria")]
    [InlineData(null, null, "")]
    public async Task The_invitation_names_the_username_from_the_parameter_or_the_event(string? parameter, string? userName, string expected)
    {
        var e = Fixtures.Load("custom-message-sign-up.json", Fixtures.Json.CustomMessageEvent);
        e.TriggerSource = "CustomMessage_AdminCreateUser";
        e.Request.UserAttributes["locale"] = "en-US";
        e.Request.UsernameParameter = parameter;
        e.UserName = userName;

        var result = await new CustomMessageTrigger(Catalog, Fixtures.Settings()).HandleAsync(e, new TestContext(), CancellationToken.None);

        Assert.Contains($"Username: {expected}. Temporary password: {{####}}.", result.Response.EmailMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_without_a_code_parameter_is_malformed_with_the_reason()
    {
        var e = Fixtures.Load("custom-message-sign-up.json", Fixtures.Json.CustomMessageEvent);
        e.Request.CodeParameter = null!;

        var error = await Assert.ThrowsAsync<IdentityStack.Lambda.Runtime.LambdaEventFormatException>(() => new CustomMessageTrigger(Catalog, Fixtures.Settings()).HandleAsync(e, new TestContext(), CancellationToken.None).AsTask());

        Assert.Equal("The custom message event has no codeParameter.", error.Message);
    }
}
