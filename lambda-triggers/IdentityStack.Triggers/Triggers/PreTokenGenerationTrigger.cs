using System.Text.Json.Nodes;
using IdentityStack.Lambda.CognitoEvents;
using IdentityStack.Triggers.Contract;
using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers.Directory;

namespace IdentityStack.Triggers.Triggers;

/// <summary>
/// Pre token generation: adds <c>tenant_id</c> and <c>roles</c> (the user's groups) to the tokens,
/// adds scopes by group (e.g. admins get the admin scope) and removes sensitive claims.
/// Version 2 and 3 events change the ID and access tokens; version 3 also brings machines'
/// client-credentials access tokens, which get their registered tenant and scopes; version 1 events
/// (Lite tier, or emulators) can only change the ID token, which gets the same claims. A disabled user or a suspended tenant gets
/// no tokens, also from a refresh (<see cref="AccountAccess"/>). Fails closed like pre authentication:
/// no answer from the directory within the invocation's budget means no tokens. A user without a
/// profile (invited, migrated, or whose post confirmation could not write it) gets one written here,
/// once; that write fails open.
/// </summary>
internal sealed class PreTokenGenerationTrigger(TriggerSettings settings, IIdentityDirectory directory, TimeProvider time, TextWriter log)
{
    public const string TenantClaim = TenantIdAttributeName.TokenClaim;
    public const string RolesClaim = "roles";

    public const string UnregisteredMachineClientNote = "not a registered machine client: no token";

    /// <summary>The metric (namespace <see cref="TriggerMetricNames.Namespace"/>) counting refused tokens of unregistered machine clients.</summary>
    public const string UnregisteredMachineClientMetric = TriggerMetricNames.UnregisteredMachineClientToken;

    /// <summary>What an unregistered client is told (Cognito passes it on to the caller of the token endpoint).</summary>
    public const string UnregisteredMachineClientMessage = "This app client is not registered for client-credentials tokens.";

    /// <summary>The warning when the profile could not be created or moved to the user's tenant.</summary>
    public const string ProfileNotWrittenNote = "profile not written or not moved to the user's tenant; tokens issued";

    public async ValueTask<PreTokenGenerationV2Event> HandleV2Async(PreTokenGenerationV2Event e, ILambdaContext context, CancellationToken cancellationToken)
    {
        e.Response.ClaimsAndScopeOverrideDetails = await UserTokenChangesAsync(e.UserPoolId, e.UserName, e.Request, context, cancellationToken).ConfigureAwait(false);
        return e;
    }

    /// <summary>Version 3: users' tokens as in version 2; a machine's client-credentials access token gets its registered tenant and scopes.</summary>
    public async ValueTask<PreTokenGenerationV3Event> HandleV3Async(PreTokenGenerationV3Event e, ILambdaContext context, CancellationToken cancellationToken)
    {
        e.Response.ClaimsAndScopeOverrideDetails = e.IsClientCredentials
            ? await MachineTokenChangesAsync(e.CallerContext?.ClientId, e.Request?.Scopes, context, cancellationToken).ConfigureAwait(false)
            : await UserTokenChangesAsync(e.UserPoolId, e.UserName, e.Request ?? throw new LambdaEventFormatException("The event has no request."), context, cancellationToken).ConfigureAwait(false);
        return e;
    }

    private async Task<ClaimsAndScopeOverrideDetails> UserTokenChangesAsync(string userPoolId, string? userName, PreTokenGenerationV2Request request, ILambdaContext context, CancellationToken cancellationToken)
    {
        var tenant = await CheckAccessAsync(userPoolId, userName, request, context, cancellationToken).ConfigureAwait(false);
        var claims = Claims(request, tenant);
        var scopes = ScopesFor(request.GroupConfiguration.GroupsToOverride)
            .Where(s => !request.Scopes.Contains(s, StringComparer.Ordinal))
            .ToList();
        return new ClaimsAndScopeOverrideDetails
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
    }

    /// <summary>
    /// A client-credentials access token. The app client is the one Cognito authenticated with its
    /// secret (<c>callerContext.clientId</c>); the client metadata the caller may send is never read,
    /// because the caller chooses it. A registered client's token gets <c>tenant_id</c> and loses any
    /// scope outside its registration; a client whose tenant is suspended gets no token. A client
    /// nobody registered gets no token either (every client-credentials client the constructs make is
    /// registered; one made elsewhere must be registered to get tokens), and the refusal is counted in
    /// a metric an alarm watches. Fails closed: no answer from the directory in time means no token.
    /// </summary>
    private async Task<ClaimsAndScopeOverrideDetails> MachineTokenChangesAsync(string? clientId, IList<string>? requested, ILambdaContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(clientId))
        {
            throw new LambdaEventFormatException("The client-credentials event has no callerContext.clientId.");
        }

        using var budget = InvocationBudget.For(context, cancellationToken);
        var client = await directory.GetMachineClientAsync(clientId, budget.Token).ConfigureAwait(false);
        if (client is null)
        {
            throw new TriggerRejectedException(UnregisteredMachineClientMessage, $"app client {clientId} is {UnregisteredMachineClientNote}", UnregisteredMachineClientMetric);
        }

        if (client.TenantId is { } tenant && await directory.IsTenantSuspendedAsync(tenant, budget.Token).ConfigureAwait(false))
        {
            throw new TriggerRejectedException(AccountAccess.SuspendedMessage);
        }

        var outside = (requested ?? []).Where(s => !client.Scopes.Contains(s, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        return new ClaimsAndScopeOverrideDetails
        {
            AccessTokenGeneration = new AccessTokenChanges
            {
                ClaimsToAddOrOverride = client.TenantId is null ? null : new Dictionary<string, JsonNode?>(StringComparer.Ordinal) { [TenantClaim] = JsonValue.Create(client.TenantId) },
                ScopesToSuppress = outside.Count > 0 ? outside : null,
            },
        };
    }

    public async ValueTask<PreTokenGenerationEvent> HandleV1Async(PreTokenGenerationEvent e, ILambdaContext context, CancellationToken cancellationToken)
    {
        var tenant = await CheckAccessAsync(e.UserPoolId, e.UserName, e.Request, context, cancellationToken).ConfigureAwait(false);
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        if (tenant is not null)
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

    /// <summary>
    /// Refuses a user whose provider asserts a tenant it may not, a user outside the email allow-list,
    /// or one blocked in the directory; writes the profile of a user who has none, and lists the
    /// profile under the user's tenant when it changed (both failing open). Returns the user's tenant.
    /// </summary>
    private async Task<string?> CheckAccessAsync(string userPoolId, string? userName, CognitoTriggerRequest request, ILambdaContext context, CancellationToken cancellationToken)
    {
        var provider = UserOrigin.ProviderOf(userName, request);
        var tenant = UserTenant.Of(settings, provider, request);
        EmailPolicy.RefuseIfOutside(settings, provider, request);
        using var budget = InvocationBudget.For(context, cancellationToken);
        var stored = await AccountAccess.RefuseIfBlockedAsync(directory, request, tenant, budget.Token).ConfigureAwait(false);
        try
        {
            if (stored.State == ProfileState.Missing)
            {
                if (UserProfile.Of(userPoolId, userName, request, tenant, time.GetUtcNow()) is { } profile)
                {
                    await directory.CreateProfileIfAbsentAsync(profile, budget.Token).ConfigureAwait(false);
                }
            }
            else if (!string.Equals(stored.TenantId, tenant, StringComparison.Ordinal) && request.Attribute(UserAttributeNames.Sub) is { } sub)
            {
                await directory.MoveProfileToTenantAsync(sub, tenant, budget.Token).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            await log.WriteLineAsync(TriggerErrorLog.Line(TriggerErrorLog.Warning, TriggerHandlerNames.PreTokenGeneration, context.RequestId, error, ProfileNotWrittenNote)).ConfigureAwait(false);
        }

        return tenant;
    }

    private static Dictionary<string, JsonNode?> Claims(PreTokenGenerationRequest request, string? tenant)
    {
        var claims = new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            [RolesClaim] = new JsonArray([.. request.GroupConfiguration.GroupsToOverride.Select(g => (JsonNode?)JsonValue.Create(g))]),
        };
        if (tenant is not null)
        {
            claims[TenantClaim] = JsonValue.Create(tenant);
        }

        return claims;
    }

    private IEnumerable<string> ScopesFor(IEnumerable<string> groups) =>
        groups.SelectMany(g => settings.GroupScopes.TryGetValue(g, out var scopes) ? scopes : []).Distinct(StringComparer.Ordinal);
}
