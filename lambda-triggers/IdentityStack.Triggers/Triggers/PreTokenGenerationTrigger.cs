using System.Text.Json.Nodes;
using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Triggers.Contract;
using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers.Directory;

namespace IdentityStack.Triggers.Triggers;

/// <summary>
/// Pre token generation: adds <c>tenant_id</c> and <c>roles</c> (the user's groups) to the tokens,
/// adds scopes by group (e.g. admins get the admin scope) and removes sensitive claims.
/// Version 2 events change the ID and access tokens; version 1 events (Lite tier, or emulators) can
/// only change the ID token, which gets the same claims. A disabled user or a suspended tenant gets
/// no tokens, also from a refresh (<see cref="AccountAccess"/>). Fails closed like pre authentication:
/// no answer from the directory within the invocation's budget means no tokens. A user without a
/// profile (invited, migrated, or whose post confirmation could not write it) gets one written here,
/// once; that write fails open.
/// </summary>
internal sealed class PreTokenGenerationTrigger(TriggerSettings settings, IIdentityDirectory directory, TimeProvider time, TextWriter log)
{
    public const string TenantClaim = TenantIdAttributeName.TokenClaim;
    public const string RolesClaim = "roles";

    public async ValueTask<PreTokenGenerationV2Event> HandleV2Async(PreTokenGenerationV2Event e, ILambdaContext context, CancellationToken cancellationToken)
    {
        await CheckAccessAsync(e.UserPoolId, e.UserName, e.Request, context, cancellationToken).ConfigureAwait(false);
        var claims = Claims(e.Request);
        var scopes = ScopesFor(e.Request.GroupConfiguration.GroupsToOverride)
            .Where(s => !e.Request.Scopes.Contains(s, StringComparer.Ordinal))
            .ToList();
        e.Response.ClaimsAndScopeOverrideDetails = new ClaimsAndScopeOverrideDetails
        {
            IdTokenGeneration = new TokenClaimChanges
            {
                ClaimsToAddOrOverride = claims,
                ClaimsToSuppress = [.. settings.SuppressedClaims],
            },
            AccessTokenGeneration = new AccessTokenChanges
            {
                ClaimsToAddOrOverride = claims.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal),
                ClaimsToSuppress = [.. settings.SuppressedClaims],
                ScopesToAdd = scopes.Count > 0 ? scopes : null,
            },
        };
        return e;
    }

    public async ValueTask<PreTokenGenerationEvent> HandleV1Async(PreTokenGenerationEvent e, ILambdaContext context, CancellationToken cancellationToken)
    {
        await CheckAccessAsync(e.UserPoolId, e.UserName, e.Request, context, cancellationToken).ConfigureAwait(false);
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        if (UserTenant.Of(e.Request) is { } tenant)
        {
            claims[TenantClaim] = tenant;
        }

        // V1 claim values are strings: the roles go in as a space-separated list, like "scope".
        claims[RolesClaim] = string.Join(' ', e.Request.GroupConfiguration.GroupsToOverride);
        e.Response.ClaimsOverrideDetails = new ClaimsOverrideDetails
        {
            ClaimsToAddOrOverride = claims,
            ClaimsToSuppress = [.. settings.SuppressedClaims],
        };
        return e;
    }

    /// <summary>Refuses a user outside the email allow-list or blocked in the directory; writes the profile of a user who has none (failing open).</summary>
    private async Task CheckAccessAsync(string userPoolId, string? userName, CognitoTriggerRequest request, ILambdaContext context, CancellationToken cancellationToken)
    {
        EmailPolicy.RefuseIfOutside(settings, request);
        using var budget = InvocationBudget.For(context, cancellationToken);
        var state = await AccountAccess.RefuseIfBlockedAsync(directory, request, budget.Token).ConfigureAwait(false);
        if (state != ProfileState.Missing || UserProfile.Of(userPoolId, userName, request, time.GetUtcNow()) is not { } profile)
        {
            return;
        }

        try
        {
            await directory.CreateProfileIfAbsentAsync(profile, budget.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            await log.WriteLineAsync(TriggerErrorLog.Line(TriggerErrorLog.Warning, TriggerHandlerNames.PreTokenGeneration, context.RequestId, error, "missing profile not written; tokens issued")).ConfigureAwait(false);
        }
    }

    private static Dictionary<string, JsonNode?> Claims(PreTokenGenerationRequest request)
    {
        var claims = new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            [RolesClaim] = new JsonArray([.. request.GroupConfiguration.GroupsToOverride.Select(g => (JsonNode?)JsonValue.Create(g))]),
        };
        if (UserTenant.Of(request) is { } tenant)
        {
            claims[TenantClaim] = JsonValue.Create(tenant);
        }

        return claims;
    }

    private IEnumerable<string> ScopesFor(IEnumerable<string> groups) =>
        groups.SelectMany(g => settings.GroupScopes.TryGetValue(g, out var scopes) ? scopes : []).Distinct(StringComparer.Ordinal);
}
