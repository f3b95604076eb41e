using IdentityStack.Testing;

namespace IdentityStack.Triggers.Benchmarks;

/// <summary>
/// Interleaved cold starts: every round starts each contender once, in an order shuffled per round
/// (a fixed seed, so runs are comparable), so that a slow spell of the machine weighs on all of them
/// alike. One untimed round first puts every binary in the page cache.
/// </summary>
internal static class ColdStartRounds
{
    public static async Task<Dictionary<Contender, List<ColdStart.Sample>>> RunAsync(IReadOnlyList<Contender> contenders, RecordingDynamoDb dynamo, int rounds)
    {
        var samples = contenders.ToDictionary(c => c, _ => new List<ColdStart.Sample>());
        var random = new Random(19);
        for (var round = -1; round < rounds; round++)
        {
            foreach (var contender in contenders.OrderBy(_ => random.Next()))
            {
                var sample = await StartOnceAsync(contender, dynamo).ConfigureAwait(false);
                if (round >= 0)
                {
                    samples[contender].Add(sample);
                }
            }
        }

        return samples;
    }

    /// <summary>One start of <paramref name="contender"/>, its DynamoDB answering as its scenario says; refused if a DynamoDB handler made no call.</summary>
    public static async Task<ColdStart.Sample> StartOnceAsync(Contender contender, RecordingDynamoDb dynamo)
    {
        if (contender.Scenario?.DynamoDbAnswer is { } answer)
        {
            dynamo.Answer = answer;
        }

        var before = dynamo.Requests.Count;
        var sample = await ColdStart.MeasureOnceAsync(contender.Start(), contender.Payload, contender.Label).ConfigureAwait(false);
        if (contender.Scenario is { CallsDynamoDb: true } && dynamo.Requests.Count == before)
        {
            throw new InvalidOperationException($"{contender.Label} answered without calling the loopback DynamoDB: the figure would not include the call it is meant to.");
        }

        return sample;
    }
}
