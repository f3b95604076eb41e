using IdentityStack.Constructs.UserPools;

namespace IdentityStack.App.Configuration;

/// <summary>Reads <c>stages.{name}.api</c>: the admin group and stage throttling.</summary>
internal static class ApiConfigReader
{
    public static ApiConfig? Read(JsonObjectReader? reader, bool hasSignIn, IReadOnlyList<UserPoolGroupDefinition> groups)
    {
        if (reader is null)
        {
            return null;
        }

        var before = reader.ProblemCount;
        var adminGroup = reader.Has("adminGroup") ? GroupReference.Read(reader, "adminGroup", groups) : null;
        if (!reader.Has("adminGroup"))
        {
            reader.Problem("adminGroup", "missing", "name the group whose members may use admin routes, e.g. \"admins\".");
        }

        var throttle = reader.Object("throttle");
        var rate = throttle?.Int("rateLimit", 1, 10000) ?? 50;
        var burst = throttle?.Int("burstLimit", 1, 5000) ?? 100;
        throttle?.RejectUnknownFields();
        reader.RejectUnknownFields();
        if (!hasSignIn)
        {
            reader.ProblemAt(reader.Path, "(no signIn)", "the API accepts tokens of the SPA, server and machine app clients; add \"signIn\" to the stage or remove \"api\".");
        }

        return reader.ProblemCount > before || adminGroup is null ? null : new ApiConfig(adminGroup, rate, burst);
    }
}
