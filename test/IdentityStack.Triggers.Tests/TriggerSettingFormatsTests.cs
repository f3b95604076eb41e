namespace IdentityStack.Triggers.Tests;

/// <summary>
/// The formats of the values the CDK passes to the binary live once, in the contract: what the CDK
/// encodes, the binary parses back unchanged (CognitoTriggers encodes, TriggerSettings parses).
/// </summary>
public sealed class TriggerSettingFormatsTests
{
    private static readonly Func<string, bool> AnyScope = s => s.Length > 0;

    [Theory]
    [InlineData("")]
    [InlineData("example.com")]
    [InlineData("example.com|sub.example.org|x.io")]
    public void A_list_round_trips(string joined)
    {
        var values = joined.Split('|', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(values, TriggerSettingFormats.ParseList(TriggerSettingFormats.EncodeList(values)));
    }

    [Fact]
    public void Group_scopes_round_trip_in_order_and_the_wiring_format_is_the_documented_one()
    {
        var groupScopes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["admins"] = ["identitystack/admin", "identitystack/write"],
            ["members"] = ["identitystack/read"],
        };

        var encoded = TriggerSettingFormats.EncodeNamedLists(groupScopes);
        var malformed = TriggerSettingFormats.ParseNamedLists(encoded, AnyScope, out var parsed);

        Assert.Equal("admins=identitystack/admin,identitystack/write;members=identitystack/read", encoded);
        Assert.Empty(malformed);
        Assert.Equal(groupScopes.Keys, parsed.Keys);
        Assert.All(groupScopes, g => Assert.Equal(g.Value, parsed[g.Key]));
    }

    [Theory]
    [InlineData("admins;members=identitystack/read", "admins")]
    [InlineData("=identitystack/read;members=identitystack/read", "=identitystack/read")]
    [InlineData("admins=;members=identitystack/read", "admins=")]
    [InlineData("admins=bad scope;members=identitystack/read", "admins=bad scope")]
    [InlineData("members=identitystack/read;members=identitystack/admin", "members=identitystack/admin")]
    [InlineData("admins=identitystack/admin,bad scope;members=identitystack/read", "admins=identitystack/admin,bad scope")]
    public void Malformed_group_scope_entries_are_returned_and_the_rest_parsed(string value, string malformedEntry)
    {
        var malformed = TriggerSettingFormats.ParseNamedLists(value, s => !s.Contains(' ', StringComparison.Ordinal), out var parsed);

        Assert.Equal([malformedEntry], malformed);
        Assert.Equal(["members"], parsed.Keys);
    }

    [Fact]
    public void The_email_sender_value_is_what_the_settings_read()
    {
        Assert.True(Fixtures.Settings((TriggerEnvironment.EmailSender, TriggerSettingFormats.EncodeEmailSender(throughSes: true))).SendsEmailThroughSes);
        Assert.False(Fixtures.Settings((TriggerEnvironment.EmailSender, TriggerSettingFormats.EncodeEmailSender(throughSes: false))).SendsEmailThroughSes);
    }

    [Fact]
    public void A_list_is_trimmed_and_empty_items_dropped() =>
        Assert.Equal(["a", "b"], TriggerSettingFormats.ParseList(" a , ,b ,"));

    // GET /me needs a token and no particular scope: an empty scope, not none (none would make it public).
    [Fact]
    public void Me_needs_a_token_but_no_scope_and_health_needs_nothing()
    {
        Assert.Equal(string.Empty, ApiRouteTable.Me.Scope);
        Assert.True(ApiRouteTable.Me.RequiresToken);
        Assert.Null(ApiRouteTable.Health.Scope);
        Assert.False(ApiRouteTable.Health.RequiresToken);
    }
}
