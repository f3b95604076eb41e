using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IdentityStack.Triggers.Cognito;
using IdentityStack.Triggers.Contract;
using IdentityStack.Triggers.Directory;

namespace IdentityStack.Triggers.Api;

/// <summary>
/// POST /developer-identity: a user of the legacy directory proves their password and gets a
/// developer identity of the identity pool (GetOpenIdTokenForDeveloperIdentity, developer user
/// identifier = the directory's key for the user). It holds the rules the user pool holds for the
/// same people: a username locked after repeated failures is refused before any password work; an
/// unknown user, a malformed hash and a wrong password get the same 401 after the same minimum time,
/// each counted (a metric the route's alarm watches); a user the migration trigger already imported
/// (whose legacy password must open nothing any more), an email outside the allow-list (or an
/// unverified one) and a suspended tenant are refused. MFA cannot be asked here, which is why
/// production stages do not offer this route.
/// </summary>
internal sealed class DeveloperLogin(
    Lazy<ILegacyUserStore> users,
    Lazy<IDeveloperLoginDirectory> directory,
    ICognitoIdentity identity,
    DeveloperLoginSettings settings,
    TriggerSettings rules,
    Func<string, string, bool> verifyPassword,
    TimeProvider time,
    TextWriter log)
{
    public const string Handler = ApiHandlerNames.DeveloperLogin;
    public const string InvalidCredentialsMessage = "The username or password is wrong.";
    public const string MigratedMessage = "This account has moved: sign in through the user pool's sign-in page.";

    /// <summary>Longer than any username or password the directory holds; refused before any work.</summary>
    private const int MaxFieldLength = 1024;

    /// <summary>The login with its stores made on first use.</summary>
    public DeveloperLogin(Func<ILegacyUserStore> users, Func<IDeveloperLoginDirectory> directory, ICognitoIdentity identity, DeveloperLoginSettings settings, TriggerSettings rules, TimeProvider time, TextWriter log)
        : this(new Lazy<ILegacyUserStore>(users), new Lazy<IDeveloperLoginDirectory>(directory), identity, settings, rules, PasswordHash.Verify, time, log)
    {
    }

    /// <summary>The counter key of a username: the SHA-256 of its lower-case form, in hex (no username is stored, any length fits).</summary>
    public static string AttemptsKey(string userName) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userName.ToLowerInvariant())));

    public async Task<HttpApiResponse> SignInAsync(HttpApiRequest request, string requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Read(request) is not { } login)
        {
            return HttpApiResponses.Error(400, "bad_request", "The body is JSON like {\"username\": \"...\", \"password\": \"...\"}: both required, 1-1024 characters.");
        }

        var started = time.GetTimestamp();
        var key = AttemptsKey(login.Username!);
        var attempts = await directory.Value.GetLoginAttemptsAsync(key, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (attempts.IsLockedAt(time.GetUtcNow()))
        {
            // Any username locks the same way, known or not: the lock tells nobody who exists.
            return HttpApiResponses.Error(429, "too_many_attempts", "Too many failed sign-ins for this username; try again later.");
        }

        var user = await users.Value.FindAsync(login.Username!, cancellationToken).ConfigureAwait(false);
        var matches = verifyPassword(login.Password!, user?.PasswordHash ?? PasswordHash.NoUser);
        if (user is null || !matches)
        {
            await directory.Value.RecordLoginFailureAsync(key, time.GetUtcNow(), startOver: attempts.Failures == 0, cancellationToken).ConfigureAwait(false);
            await log.WriteLineAsync(TriggerErrorLog.Line(TriggerErrorLog.Warning, Handler, requestId, null, "wrong username or password", TriggerMetricNames.DeveloperLoginFailure)).ConfigureAwait(false);
            var remaining = settings.MinimumRefusalTime - time.GetElapsedTime(started);
            // Stryker disable once Equality : a delay of exactly zero completes at once without a timer, so > and >= do the same.
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining, time, cancellationToken).ConfigureAwait(false);
            }

            return HttpApiResponses.Error(401, "invalid_credentials", InvalidCredentialsMessage);
        }

        if (attempts.Failures > 0)
        {
            await directory.Value.ClearLoginAttemptsAsync(key, cancellationToken).ConfigureAwait(false);
        }

        if (await RefusalAsync(user, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return refusal;
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

    /// <summary>The pool's rules for a user whose password was right: migrated, email, tenant. Null when none refuses.</summary>
    private async Task<HttpApiResponse?> RefusalAsync(LegacyUser user, CancellationToken cancellationToken)
    {
        if (user.MigratedAt is not null)
        {
            return HttpApiResponses.Error(403, "account_migrated", MigratedMessage);
        }

        // The allow-list as the token trigger holds it for pool users (the legacy tenant_id is
        // administrator-given, as the migration imports it).
        if (IdentityStack.Triggers.Triggers.EmailPolicy.Refusal(rules, user.EmailVerified, user.Email, user.TenantId is not null) is { } refusal)
        {
            var code = string.Equals(refusal, IdentityStack.Triggers.Triggers.EmailPolicy.UnverifiedMessage, StringComparison.Ordinal) ? "email_unverified" : "email_domain";
            return HttpApiResponses.Error(403, code, refusal);
        }

        return user.TenantId is { } tenant && await directory.Value.IsTenantSuspendedAsync(tenant, cancellationToken).ConfigureAwait(false)
            ? HttpApiResponses.Error(403, "tenant_suspended", AccountAccess.SuspendedMessage)
            : null;
    }

    private static DeveloperLoginRequest? Read(HttpApiRequest request)
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

        return login is { Username: { Length: > 0 and <= MaxFieldLength }, Password: { Length: > 0 and <= MaxFieldLength } } ? login : null;
    }
}
