using IdentityStack.Constructs.Api;
using IdentityStack.Constructs.UserPools;

namespace IdentityStack.App.Configuration;

/// <summary>Reads <c>stages.{name}.api</c>: the admin group and stage throttling. The rules live in <see cref="JwtProtectedApiOptions.Problems"/>.</summary>
internal static class ApiConfigReader
{
    public static JwtProtectedApiOptions? Read(JsonObjectReader? reader, bool hasSignIn, IReadOnlyList<UserPoolGroupDefinition> groups)
    {
        if (reader is null)
        {
            return null;
        }

        var before = reader.ProblemCount;
        var throttle = reader.Object("throttle");
        var defaults = new ApiThrottle();
        var options = new JwtProtectedApiOptions
        {
            AdminGroup = reader.Has("adminGroup") ? GroupReference.Read(reader, "adminGroup", groups) : null,
            Throttle = new ApiThrottle
            {
                RateLimit = throttle?.WholeNumber("rateLimit") ?? defaults.RateLimit,
                BurstLimit = throttle?.WholeNumber("burstLimit") ?? defaults.BurstLimit,
            },
        };
        throttle?.RejectUnknownFields();
        reader.RejectUnknownFields();
        if (!hasSignIn)
        {
            reader.ProblemAt(reader.Path, "(no signIn)", "the API accepts tokens of the SPA, server and machine app clients; add \"signIn\" to the stage or remove \"api\".");
        }

        reader.PropsProblems(options.Problems());
        return reader.ProblemCount > before ? null : options;
    }
}
