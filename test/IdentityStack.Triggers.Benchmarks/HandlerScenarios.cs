using System.Net;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Triggers.Benchmarks;

/// <summary>
/// The first invocation of every handler that answers a user (the seven triggers and the API).
/// The custom resources run once per deployment, never while a user waits, and are not measured;
/// neither is the developer login, whose time is PBKDF2 work and a deliberate minimum on purpose.
/// </summary>
internal static class HandlerScenarios
{
    private const string DirectoryTable = "identity-bench-directory";
    private const string EmptyAnswer = "{}";

    /// <summary>The handlers the benchmark leaves out on purpose, with the reason the report prints.</summary>
    public static IReadOnlyDictionary<string, string> NotMeasured { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CustomResourceHandlerNames.ClassicUiCustomization] = "custom resource: runs once per deployment",
        [CustomResourceHandlerNames.MachineClientRegistration] = "custom resource: runs once per deployment",
        [ApiHandlerNames.DeveloperLogin] = "developer login: PBKDF2 and a minimum refusal time by design",
        [OperationsHandlerNames.UserDirectoryExport] = "scheduled export: no user waits on it; each invocation runs for minutes by design",
    };

    public static IReadOnlyList<ColdStartScenario> All { get; } =
    [
        new(TriggerHandlerNames.PreSignUp, "pre-signup-sign-up.json", Settings((TriggerEnvironment.AllowedEmailDomains, "example.com")), "none"),
        new(TriggerHandlerNames.CustomMessage, "custom-message-sign-up.json", Settings(), "none"),
        new(TriggerHandlerNames.PostAuthentication, "post-authentication.json", Settings(), "none"),
        new(TriggerHandlerNames.PostConfirmation, "post-confirmation.json", Settings((TriggerEnvironment.DirectoryTable, DirectoryTable)), "DynamoDB PutItem", (_, _) => (HttpStatusCode.OK, EmptyAnswer)),
        new(TriggerHandlerNames.PreAuthentication, "pre-authentication.json", Settings((TriggerEnvironment.DirectoryTable, DirectoryTable)), "DynamoDB GetItem x2", (_, _) => (HttpStatusCode.OK, EmptyAnswer)),
        new(
            TriggerHandlerNames.PreTokenGeneration,
            "pre-token-generation-v2.json",
            Settings((TriggerEnvironment.DirectoryTable, DirectoryTable), (TriggerEnvironment.GroupScopes, "admins=identitystack/admin")),
            "DynamoDB GetItem x2, PutItem",
            (_, _) => (HttpStatusCode.OK, EmptyAnswer)),
        new(
            TriggerHandlerNames.UserMigration,
            "user-migration-forgot-password.json",
            Settings((TriggerEnvironment.LegacyUsersTable, "identity-bench-legacy-users")),
            "DynamoDB GetItem",
            (_, _) => (HttpStatusCode.OK, """{"Item":{"username":{"S":"old.user@example.com"},"email":{"S":"old.user@example.com"},"email_verified":{"BOOL":true},"password_hash":{"S":"pbkdf2-sha256$10000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}}}""")),
        new(
            ApiHandlerNames.Backend,
            Path.Combine("http-api", "get-me.json"),
            Settings((ApiEnvironment.ResourceServer, "identitystack"), (ApiEnvironment.AdminGroup, "admins"), (TriggerEnvironment.DirectoryTable, DirectoryTable)),
            "none on GET /me"),
    ];

    private static Dictionary<string, string> Settings(params (string Name, string Value)[] settings) =>
        settings.ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);
}
