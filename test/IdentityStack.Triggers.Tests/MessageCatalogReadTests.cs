using System.Text;
using IdentityStack.Triggers.Messages;

namespace IdentityStack.Triggers.Tests;

public sealed class MessageCatalogReadTests
{
    private static Dictionary<string, MessageTemplate> Read(string json) =>
        MessageCatalog.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "xx");

    [Fact]
    public void A_document_gives_each_message_its_four_texts()
    {
        var messages = Read("""{"SignUp":{"subject":"S","text":"T {code}","html":"<p>{code}</p>","sms":"{code}","later":"ignored"}}""");

        Assert.Equal(new MessageTemplate("S", "T {code}", "<p>{code}</p>", "{code}"), Assert.Single(messages).Value);
    }

    [Theory]
    [InlineData("""[]""", "Messages/xx.json is not an object of messages.")]
    [InlineData("""null""", "Messages/xx.json is not an object of messages.")]
    [InlineData("""{"SignUp":null}""", "Messages/xx.json 'SignUp' has no string \"subject\".")]
    [InlineData("""{"SignUp":{"subject":5,"text":"t","html":"h","sms":"s"}}""", "Messages/xx.json 'SignUp' has no string \"subject\".")]
    [InlineData("""{"SignUp":{"subject":"s","text":"t","html":"h"}}""", "Messages/xx.json 'SignUp' has no string \"sms\".")]
    [InlineData("""{"SignUp":{"subject":"s","text":null,"html":"h","sms":"s"}}""", "Messages/xx.json 'SignUp' has no string \"text\".")]
    public void A_malformed_document_is_refused_naming_the_file_and_message(string json, string expected)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Read(json));

        Assert.Equal(expected, refused.Message);
    }

    [Fact]
    public void A_document_that_is_not_json_is_refused_naming_the_file()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Read("""{"SignUp": """));

        Assert.StartsWith("Messages/xx.json is not valid JSON: ", refused.Message, StringComparison.Ordinal);
    }
}
