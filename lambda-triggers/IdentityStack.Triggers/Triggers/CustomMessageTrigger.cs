using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers.Messages;

namespace IdentityStack.Triggers.Triggers;

/// <summary>
/// Custom message: branded email and SMS text for every trigger source in the user's language
/// (from the <c>locale</c> attribute), always containing Cognito's code placeholder. HTML email only
/// when the pool sends through SES.
/// </summary>
internal sealed class CustomMessageTrigger(MessageCatalog catalog, TriggerSettings settings)
{
    public ValueTask<CustomMessageEvent> HandleAsync(CustomMessageEvent e, ILambdaContext context, CancellationToken cancellationToken)
    {
        var request = e.Request;
        if (string.IsNullOrEmpty(request.CodeParameter))
        {
            throw new LambdaEventFormatException("The custom message event has no codeParameter.");
        }

        var template = catalog.For(e.TriggerSource, request.Attribute(UserAttributeNames.Locale));
        var userName = request.UsernameParameter ?? e.UserName ?? string.Empty;
        e.Response.EmailSubject = template.Subject;
        e.Response.EmailMessage = Fill(settings.SendsEmailThroughSes ? template.Html : template.Text, request.CodeParameter, userName);
        e.Response.SmsMessage = Fill(template.Sms, request.CodeParameter, userName);
        return ValueTask.FromResult(e);
    }

    private static string Fill(string template, string code, string userName) =>
        template.Replace(MessageCatalog.CodePlaceholder, code, StringComparison.Ordinal)
            .Replace(MessageCatalog.UserNamePlaceholder, userName, StringComparison.Ordinal);
}
