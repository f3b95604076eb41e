using System.Globalization;
using IdentityStack.Constructs;
using IdentityStack.Constructs.SignIn;
using IdentityStack.Constructs.UserPools;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.App.Configuration;

/// <summary>
/// Reads <c>stages.{name}.groups</c>: name, description, precedence and the scopes each group adds
/// (named as in <c>machineClients[].scopes</c>: read, write, admin).
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
            var scopes = Qualified(group, group.TextArray("scopes", GroupScopeFix));
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

    /// <summary>Scopes a group may add: the resource server's, by name, as machineClients[].scopes names them (admin too, for people).</summary>
    private static readonly string[] GroupScopes = [ApiScopeNames.Read, ApiScopeNames.Write, ApiScopeNames.Admin];

    private const string GroupScopeFix = "use \"read\", \"write\" or \"admin\": the resource server's scope names, without its identifier, as in machineClients[].scopes.";

    /// <summary>
    /// The group's scope names as tokens carry them ("identitystack/admin"), or a problem per name: a
    /// typo would otherwise be added to tokens as a scope no route requires, silently granting nothing.
    /// </summary>
    private static List<string> Qualified(JsonObjectReader group, List<string> names)
    {
        var qualified = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"scopes[{i}]");
            var name = names[i];
            var prefix = HostedSignInOptions.DefaultResourceServerIdentifier + "/";
            if (name.StartsWith(prefix, StringComparison.Ordinal) && GroupScopes.Contains(name[prefix.Length..], StringComparer.Ordinal))
            {
                group.Problem(at, PropsProblem.Quoted(name), $"write \"{name[prefix.Length..]}\": scopes are named without the resource server's identifier, which the app adds (as in machineClients[].scopes).");
            }
            else if (!GroupScopes.Contains(name, StringComparer.Ordinal))
            {
                group.Problem(at, PropsProblem.Quoted(name), GroupScopeFix);
            }
            else if (names.Take(i).Contains(name, StringComparer.Ordinal))
            {
                group.Problem(at, PropsProblem.Quoted(name), "listed twice; list each scope once.");
            }
            else
            {
                qualified.Add(ApiScopeNames.Qualified(HostedSignInOptions.DefaultResourceServerIdentifier, name));
            }
        }

        return qualified;
    }
}
