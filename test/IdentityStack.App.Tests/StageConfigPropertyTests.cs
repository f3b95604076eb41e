using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;

namespace IdentityStack.App.Tests;

/// <summary>
/// Property: whatever a stage of cdk.json says, the app either builds it or refuses it with
/// <see cref="StageConfigException"/> (one problem per line, each naming a path in the stage) and
/// never fails any other way. The inputs are the real stages of cdk.json with random values
/// replaced, removed or added, drawn from what a hostile or careless user writes: nulls inside
/// arrays, wrong types, huge or odd strings, control characters, unpaired surrogates, CloudFormation
/// dynamic references, huge and negative numbers.
/// </summary>
public sealed class StageConfigPropertyTests
{
    private const string LoneSurrogateMarker = "@@lone-surrogate@@";

    private static readonly JsonObject Stages =
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("cdk.json")))!["context"]!["stages"]!.AsObject();

    private static readonly string[] HostileStrings =
    [
        string.Empty, " ", "null", "true", "0", "-1", "{{resolve:ssm:/x}}", "{{resolve:secretsmanager:s:SecretString:k}}",
        "a\u0000b", "tab\there", "line\nbreak", "\u007f", "\u0085", "é", "日本", "😀", "<script>", "\"quoted\"",
        "../../etc/passwd", "branding/classic/logo.png", "https://", "http://localhost:5173/", "https://a.example.com/#frag",
        "admins", "identitystack/admin", "Google", "OIDC", "SAML", "REQUIRED", "DESTROY", "arm64", "eu-west-1",
        "arn:aws:secretsmanager:eu-west-1:111111111111:secret:x-AbCdEf", new string('x', 3000), new string('a', 129),
        LoneSurrogateMarker,
    ];

    private static readonly Gen<JsonNode?> HostileValue = Gen.OneOf(
        Gen.Const<JsonNode?>(() => null),
        Gen.OneOf<string>(HostileStrings).Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.OneOf<double>(1e300, -0.5, 2147483648d).Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Const<JsonNode?>(() => new JsonArray()),
        Gen.OneOf<string>(HostileStrings).Select(s => (JsonNode?)new JsonArray(null, JsonValue.Create(s))),
        Gen.Const<JsonNode?>(() => new JsonObject()),
        Gen.Const<JsonNode?>(() => new JsonObject { ["unexpected"] = null }));

    /// <summary>One mutation: where (an index into the stage's nodes, taken modulo their count), and what.</summary>
    private sealed record Mutation(int Where, int Kind, JsonNode? Value);

    private static readonly Gen<Mutation> AnyMutation =
        Gen.Select(Gen.Int.NonNegative, Gen.Int[0, 2], HostileValue, (where, kind, value) => new Mutation(where, kind, value));

    private static readonly Gen<(string Stage, Mutation[] Mutations)> AnyMutatedStage =
        Gen.Select(Gen.OneOf<string>([.. Stages.Select(p => p.Key)]), AnyMutation.Array[1, 3]);

    /// <summary>
    /// Half hostile mutations, half a careless user's deletions (one or two fields or items removed):
    /// most hostile stages are refused, and composing needs some that are accepted.
    /// </summary>
    private static readonly Gen<(string Stage, Mutation[] Mutations)> AnyMutatedOrTrimmedStage = Gen.OneOf(
        AnyMutatedStage,
        Gen.Select(Gen.OneOf<string>([.. Stages.Select(p => p.Key)]), Gen.Int.NonNegative.Select(where => new Mutation(where, 0, null)).Array[1, 2]));

    [Fact]
    public void Any_mutated_stage_is_read_or_refused_with_problems_never_a_crash()
    {
        AnyMutatedStage.Sample(
            sample =>
            {
                var stagesJson = Mutate(sample.Stage, sample.Mutations);
                using var document = JsonDocument.Parse(stagesJson);
                try
                {
                    StageConfigReader.Read(document.RootElement.Clone());
                }
                catch (StageConfigException error)
                {
                    AssertProblemsNameTheStage(error, sample.Stage);
                }
            },
            iter: 3000,
            threads: 1);
    }

    [Fact]
    public void A_mutated_stage_that_is_accepted_also_composes_into_a_stack()
    {
        // Fewer rounds: composing a stack goes through jsii (about a second each). What the readers
        // accept must not then fail inside a construct with anything but a configuration problem.
        var composed = 0;
        AnyMutatedOrTrimmedStage.Sample(
            sample =>
            {
                var stagesJson = Mutate(sample.Stage, sample.Mutations);
                using var document = JsonDocument.Parse(stagesJson);
                try
                {
                    var stages = StageConfigReader.Read(document.RootElement.Clone());
                    var context = new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        [StageConfigReader.ContextKey] = RepositoryFiles.ToPlain(document.RootElement),
                        [StageSelection.ContextKey] = sample.Stage,
                        ["aws:cdk:bundling-stacks"] = Array.Empty<string>(),
                    };
                    var app = new Amazon.CDK.App(new Amazon.CDK.AppProps { Context = context! });
                    foreach (var stack in IdentityPlatformApp.Compose(app))
                    {
                        Assert.NotEmpty(Template.FromStack(stack).ToJSON());
                    }

                    Assert.Contains(sample.Stage, stages.Keys);
                    composed++;
                }
                catch (StageConfigException error)
                {
                    AssertProblemsNameTheStage(error, sample.Stage);
                }
            },
            iter: 40,
            threads: 1);
        Assert.True(composed > 0, "no mutated stage was accepted, so composing was never tried; make the mutations milder");
    }

    private static void AssertProblemsNameTheStage(StageConfigException error, string stage)
    {
        Assert.NotEmpty(error.Problems);
        foreach (var problem in error.Problems)
        {
            Assert.StartsWith("stages." + stage, problem.Path, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(problem.Fix), problem.ToString());
            Assert.DoesNotContain('\n', problem.ToString());
        }
    }

    /// <summary>The stages object holding only <paramref name="stage"/>, changed by each mutation, as JSON text.</summary>
    private static string Mutate(string stage, Mutation[] mutations)
    {
        var copy = Stages[stage]!.DeepClone().AsObject();
        foreach (var mutation in mutations)
        {
            var nodes = Descendants(copy).ToList();
            var target = nodes[mutation.Where % nodes.Count];
            Apply(copy, target, mutation);
        }

        var json = new JsonObject { [stage] = copy }.ToJsonString();
        // System.Text.Json will not write an unpaired surrogate, so one is spliced in as an escape.
        return json.Replace("\"" + LoneSurrogateMarker + "\"", "\"\\ud83d\"", StringComparison.Ordinal);
    }

    private static void Apply(JsonObject root, JsonNode target, Mutation mutation)
    {
        var value = mutation.Value?.DeepClone();
        switch (target.Parent)
        {
            case JsonObject parent:
                var name = target.GetPropertyName();
                if (mutation.Kind == 0)
                {
                    parent.Remove(name);
                }
                else
                {
                    parent[name] = value;
                }

                break;
            case JsonArray array:
                var index = target.GetElementIndex();
                if (mutation.Kind == 0)
                {
                    array.RemoveAt(index);
                }
                else if (mutation.Kind == 1)
                {
                    array[index] = value;
                }
                else
                {
                    array.Add(value);
                }

                break;
            default:
                root["field" + mutation.Where.ToString(CultureInfo.InvariantCulture)] = value;
                break;
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
