using System.Text.Json;
using System.Text.RegularExpressions;
using IdentityStack.Constructs;
using IdentityStack.Constructs.UserPools;

namespace IdentityStack.App.Configuration;

/// <summary>Reads <c>stages.{name}.groups</c>: unique names, precedence, description and the scopes each group adds.</summary>
internal static partial class GroupsConfigReader
{
    private const int GroupPrecedenceHighest = int.MaxValue;

    public static (List<UserPoolGroupDefinition> Groups, Dictionary<string, IReadOnlyList<string>> Scopes) Read(JsonObjectReader stage)
    {
        var groups = new List<UserPoolGroupDefinition>();
        var groupScopes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, path) in stage.Array("groups"))
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                stage.ProblemAt(path, item.GetRawText(), "each group is an object: { \"name\": \"admins\", \"description\": \"...\", \"precedence\": 0 }.");
                continue;
            }

            var group = stage.Nested(item, path);
            var name = group.RequiredString("name", ConfigPatterns.GroupName(), "use 1-128 letters, digits, '_', '.' or '-', e.g. \"admins\".");
            var description = group.OptionalString("description", GroupDescriptionPattern(), "use plain text of at most 2048 characters.") ?? string.Empty;
            var precedence = group.Int("precedence", 0, GroupPrecedenceHighest);
            var scopes = group.StringArray("scopes", IdentityStack.Triggers.Contract.TriggerSettingFormats.Scope(), "use a scope name such as \"identitystack/admin\" (no spaces or quotes).");

            if (!item.TryGetProperty("precedence", out _))
            {
                group.Problem("precedence", "missing", "give every group a precedence (0 = highest); it decides which group's IAM role wins.");
            }

            group.RejectUnknownFields();
            if (name is not null && !seen.Add(name))
            {
                group.Problem("name", "\"" + name + "\"", "group names must be unique within a stage; remove or rename the duplicate.");
            }

            // A group whose name is valid stays in the list even when another of its fields has a
            // problem: references to it (adminGroup) are then checked against what the user wrote,
            // not reported as a second, misleading problem. Any problem stops the whole read, so such
            // a group never reaches a template.
            if (name is not null)
            {
                groups.Add(new UserPoolGroupDefinition(name, description, precedence ?? 0));
                if (scopes.Count > 0)
                {
                    groupScopes[name] = scopes;
                }
            }
        }

        return (groups, groupScopes);
    }




    [GeneratedRegex("^[^\\r\\n]{0,2048}$", RegexOptions.ExplicitCapture, ConfigPatterns.RegexTimeoutMilliseconds)]
    private static partial Regex GroupDescriptionPattern();
}
