using System.Text.Json;
using IdentityStack.Triggers.Cognito;
using IdentityStack.Triggers.Directory;

namespace IdentityStack.Triggers.Api;

/// <summary>
/// POST /developer-identity: a user of the legacy directory proves their password and gets a
/// developer identity of the identity pool (GetOpenIdTokenForDeveloperIdentity, developer user
/// identifier = the directory's key for the user). The password check is the user migration
/// trigger's: the PBKDF2 work runs whether or not the user exists (against a dummy hash), and an
/// unknown user and a wrong password get the same 401, so the endpoint does not tell who exists.
/// </summary>
internal sealed class DeveloperLogin(Lazy<ILegacyUserStore> users, ICognitoIdentity identity, DeveloperLoginSettings settings, Func<string, string, bool> verifyPassword, TextWriter log)
{
    /// <summary>Longer than any username or password the directory holds; refused before any work.</summary>
    private const int MaxFieldLength = 1024;

    /// <summary>The login with the directory store made on first use: an API cold start that never serves this route makes no DynamoDB client for it.</summary>
    public DeveloperLogin(Func<ILegacyUserStore> users, ICognitoIdentity identity, DeveloperLoginSettings settings, TextWriter log)
        : this(new Lazy<ILegacyUserStore>(users), identity, settings, PasswordHash.Verify, log)
    {
    }

    public async Task<HttpApiResponse> SignInAsync(HttpApiRequest request, CancellationToken cancellationToken)
    {
        DeveloperLoginRequest? login;
        try
        {
            var body = HttpApiResponses.BodyText(request);
            login = string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize(body, ApiJsonContext.Default.DeveloperLoginRequest);
        }
        catch (Exception error) when (error is JsonException or FormatException)
        {
            login = null;
        }

        if (login is not { Username: { Length: > 0 and <= MaxFieldLength } username, Password: { Length: > 0 and <= MaxFieldLength } password })
        {
            return HttpApiResponses.Error(400, "bad_request", "The body is JSON like {\"username\": \"...\", \"password\": \"...\"}: both required, 1-1024 characters.");
        }

        var user = await users.Value.FindAsync(username, cancellationToken).ConfigureAwait(false);
        var matches = verifyPassword(password, user?.PasswordHash ?? PasswordHash.NoUser);
        if (user is null || !matches)
        {
            return HttpApiResponses.Error(401, "invalid_credentials", "The username or password is wrong.");
        }

        try
        {
            var token = await identity.GetOpenIdTokenForDeveloperIdentityAsync(settings.IdentityPoolId, settings.DeveloperProviderName, user.UserName, settings.TokenDuration, cancellationToken).ConfigureAwait(false);
            return HttpApiResponses.Ok(200, new DeveloperLoginResponse(token.IdentityId, token.Token, (long)settings.TokenDuration.TotalSeconds), ApiJsonContext.Default.DeveloperLoginResponse);
        }
        catch (CognitoServiceException error)
        {
            // Logged for the operator; the caller learns only that the identity service failed.
            await log.WriteLineAsync($"developer login: GetOpenIdTokenForDeveloperIdentity failed: {error.ErrorType}").ConfigureAwait(false);
            return HttpApiResponses.Error(502, "identity_unavailable", "The identity service did not answer; try again later.");
        }
    }
}
