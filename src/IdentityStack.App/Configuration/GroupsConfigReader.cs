using IdentityStack.Constructs.UserPools;

namespace IdentityStack.App.Configuration;

/// <summary>
/// Reads <c>stages.{name}.groups</c>: name, description, precedence and the scopes each group adds.
/// The rules (name shape, unique names, ranges) live in <see cref="SecureUserPoolOptions.Problems"/>.
/// </summary>
internal static class GroupsConfigReader
{
    public static List<UserPoolGroupDefinition> Read(JsonObjectReader stage)
    {
        var groups = new List<UserPoolGroupDefinition>();
        foreach (var group in stage.Objects("groups", "each group is an object: { \"name\": \"admins\", \"description\": \"...\", \"precedence\": 0 }."))
        {
            var name = group.RequiredText("name", "use 1-128 letters, digits, '_', '.' or '-', e.g. \"admins\".");
            var description = group.OptionalText("description", "use plain text of at most 2048 characters.") ?? string.Empty;
            var precedence = group.WholeNumber("precedence");
            var scopes = group.TextArray("scopes", "use a scope name such as \"identitystack/admin\" (no spaces or quotes).");
            if (!group.Has("precedence"))
            {
                group.Problem("precedence", "missing", "give every group a precedence (0 = highest); it decides which group's IAM role wins.");
            }

            group.RejectUnknownFields();

            // A group with a name stays in the list even when another of its fields has a problem:
            // references to it (adminGroup) are then checked against what the user wrote, not
            // reported as a second, misleading problem. Any problem stops the whole read, so such a
            // group never reaches a template.
            if (name is not null)
            {
                groups.Add(new UserPoolGroupDefinition(name, description, precedence ?? 0) { Scopes = scopes });
            }
        }

        return groups;
    }
}
