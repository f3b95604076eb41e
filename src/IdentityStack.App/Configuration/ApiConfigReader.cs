using Amazon.CDK;
using IdentityStack.Constructs.Api;
using IdentityStack.Constructs.UserPools;

namespace IdentityStack.App.Configuration;

/// <summary>Reads <c>stages.{name}.api</c>: the admin group and stage throttling. The rules live in <see cref="JwtProtectedApiOptions.Problems"/>.</summary>
internal static class ApiConfigReader
{
    /// <summary>The configuration names of the options' properties where they differ from the camel-cased property path.</summary>
    private static readonly Dictionary<string, string> ConfigNames = new(StringComparer.Ordinal)
    {
        [nameof(JwtProtectedApiOptions.DeveloperLogin) + "." + nameof(DeveloperLoginOptions.TokenDuration)] = "developerLogin.tokenMinutes",
    };

    public static JwtProtectedApiOptions? Read(JsonObjectReader? reader, bool hasSignIn, IReadOnlyList<UserPoolGroupDefinition> groups, bool hasDeveloperProvider, bool production)
    {
        if (reader is null)
        {
            return null;
        }

        var before = reader.ProblemCount;
        var options = new JwtProtectedApiOptions
        {
            AdminGroup = reader.Has("adminGroup") ? GroupReference.Read(reader, "adminGroup", groups) : null,
            Throttle = ReadThrottle(reader.Object("throttle"), new ApiThrottle()),
            DeveloperLogin = ReadDeveloperLogin(reader.Object("developerLogin")),
            Production = production,
        };
        reader.RejectUnknownFields();
        if (options.DeveloperLogin is not null && !hasDeveloperProvider)
        {
            reader.Problem("developerLogin", "(set)", "developer login issues identities of the identity pool's developer provider; set \"identityPool\": { \"developerProviderName\": \"login.example.app\" } or remove \"developerLogin\".");
        }

        if (!hasSignIn)
        {
            reader.ProblemAt(reader.Path, "(no signIn)", "the API accepts tokens of the SPA, server and machine app clients; add \"signIn\" to the stage or remove \"api\".");
        }

        reader.PropsProblems(options.Problems(), ConfigNames);
        return reader.ProblemCount > before ? null : options;
    }

    /// <summary><c>developerLogin</c>: <c>tokenMinutes</c> and its own <c>throttle</c>; null when absent.</summary>
    private static DeveloperLoginOptions? ReadDeveloperLogin(JsonObjectReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var defaults = new DeveloperLoginOptions();
        var login = new DeveloperLoginOptions
        {
            TokenDuration = reader.WholeDuration("tokenMinutes", Duration.Minutes, "use whole minutes from 1 to 1440.") ?? defaults.TokenDuration,
            Throttle = ReadThrottle(reader.Object("throttle"), defaults.Throttle),
        };
        reader.RejectUnknownFields();
        return login;
    }

    private static ApiThrottle ReadThrottle(JsonObjectReader? reader, ApiThrottle defaults)
    {
        var throttle = new ApiThrottle
        {
            RateLimit = reader?.WholeNumber("rateLimit") ?? defaults.RateLimit,
            BurstLimit = reader?.WholeNumber("burstLimit") ?? defaults.BurstLimit,
        };
        reader?.RejectUnknownFields();
        return throttle;
    }
}
