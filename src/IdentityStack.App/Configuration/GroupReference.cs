using IdentityStack.Constructs.UserPools;
using IdentityStack.Constructs;

namespace IdentityStack.App.Configuration;

/// <summary>A field that names one of the stage's <c>groups</c> (e.g. <c>identityPool.adminGroup</c>, <c>api.adminGroup</c>).</summary>
internal static class GroupReference
{
    /// <summary>The group name in <paramref name="field"/>, or null when absent or not one of <paramref name="groups"/> (a problem is recorded).</summary>
    public static string? Read(JsonObjectReader reader, string field, IReadOnlyList<UserPoolGroupDefinition> groups)
    {
        var name = reader.OptionalString(field, UserPoolGroupDefinition.NamePattern(), "use the name of a group in \"groups\", e.g. \"admins\".");
        if (name is null || groups.Any(g => string.Equals(g.Name, name, StringComparison.Ordinal)))
        {
            return name;
        }

        reader.Problem(field, PropsProblem.Quoted(name), groups.Count == 0
            ? "the stage has no groups; add it to \"groups\" or remove " + field + "."
            : "no such group; use one of " + string.Join(", ", groups.Select(g => g.Name)) + ".");
        return null;
    }
}
