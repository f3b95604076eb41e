using IdentityStack.Constructs.Triggers;

namespace IdentityStack.Constructs.Tests;

public sealed class CognitoTriggersTests
{
    [Fact]
    public void A_timeout_over_cognitos_5_seconds_is_refused_with_the_reason()
    {
        var stack = new Stack(new App(), "S");
        var pool = new SecureUserPool(stack, "Pool", new SecureUserPoolProps { UserPoolName = "p" });

        var error = Assert.Throws<ArgumentException>(() => new CognitoTriggers(stack, "Triggers", new CognitoTriggersProps
        {
            UserPool = pool,
            Binary = new NativeAotBinary(Code.FromInline("unused"), Architecture.ARM_64),
            Timeout = Duration.Seconds(6),
        }));

        Assert.StartsWith("CognitoTriggersProps.Timeout = 6 s: Cognito stops waiting for a trigger after 5 s", error.Message, StringComparison.Ordinal);
    }
}
