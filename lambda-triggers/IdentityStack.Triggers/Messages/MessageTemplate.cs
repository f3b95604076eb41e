namespace IdentityStack.Triggers.Messages;

/// <summary>One message in one language (<c>subject</c>, <c>text</c>, <c>html</c>, <c>sms</c> in the file). Placeholders: <c>{code}</c>, <c>{username}</c>.</summary>
internal sealed record MessageTemplate(string Subject, string Text, string Html, string Sms);
