using System.Text;
using BenchmarkDotNet.Attributes;
using IdentityStack.Lambda.Runtime;
using IdentityStack.Triggers.Directory;

namespace IdentityStack.Triggers.Benchmarks;

/// <summary>One warm invocation of each handler: JSON in, trigger logic, JSON out. Stores are in memory (no I/O).</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 8)]
public class WarmInvocation
{
    private readonly Dictionary<string, (ILambdaHandler Handler, byte[] Payload)> _cases = new(StringComparer.Ordinal);
    private readonly ILambdaContext _context = new BenchContext();

    [Params("PreSignUp", "PostConfirmation", "PreAuthentication", "PostAuthentication", "PreTokenGeneration", "CustomMessage", "UserMigration")]
    public string Trigger { get; set; } = "PreSignUp";

    [GlobalSetup]
    public void Setup()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ALLOWED_EMAIL_DOMAINS"] = "example.com",
            ["GROUP_SCOPES"] = "admins=identitystack/admin",
            ["DIRECTORY_TABLE"] = "directory",
            ["LEGACY_USERS_TABLE"] = "legacy",
        };
        var handlers = BenchRegistry.Create(environment);
        string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", name));
        _cases["PreSignUp"] = (handlers["PreSignUp"](), Encoding.UTF8.GetBytes(Fixture("pre-signup-sign-up.json")));
        _cases["PostConfirmation"] = (handlers["PostConfirmation"](), Encoding.UTF8.GetBytes(Fixture("post-confirmation.json")));
        _cases["PreAuthentication"] = (handlers["PreAuthentication"](), Encoding.UTF8.GetBytes(Fixture("pre-authentication.json")));
        _cases["PostAuthentication"] = (handlers["PostAuthentication"](), Encoding.UTF8.GetBytes(Fixture("post-authentication.json")));
        _cases["PreTokenGeneration"] = (handlers["PreTokenGeneration"](), Encoding.UTF8.GetBytes(Fixture("pre-token-generation-v2.json")));
        _cases["CustomMessage"] = (handlers["CustomMessage"](), Encoding.UTF8.GetBytes(Fixture("custom-message-sign-up.json")));
        _cases["UserMigration"] = (handlers["UserMigration"](), Encoding.UTF8.GetBytes(Fixture("user-migration-forgot-password.json")));
    }

    [Benchmark]
    public ValueTask<byte[]> Invoke()
    {
        var (handler, payload) = _cases[Trigger];
        return handler.InvokeAsync(payload, _context, CancellationToken.None);
    }

    private sealed class BenchContext : ILambdaContext
    {
        public string RequestId => "bench";

        public string InvokedFunctionArn => "arn:aws:lambda:eu-west-1:123456789012:function:bench";

        public string? TraceId => null;

        public DateTimeOffset Deadline => DateTimeOffset.MaxValue;

        public TimeSpan RemainingTime => TimeSpan.FromSeconds(5);
    }
}
