using System.Text.Json;

namespace IdentityStack.Smoke;

/// <summary>One stack's outputs from the file <c>cdk deploy --outputs-file</c> writes.</summary>
internal sealed class StackOutputs(string file, string stack, IReadOnlyDictionary<string, string> outputs)
{
    public static StackOutputs Read(string file, string stack)
    {
        if (!File.Exists(file))
        {
            throw new SmokeInputException($"{file}: no such file; pass the file from 'cdk deploy --outputs-file'.");
        }

        Dictionary<string, Dictionary<string, string>>? all;
        try
        {
            all = JsonSerializer.Deserialize(File.ReadAllText(file), SmokeJsonContext.Default.DictionaryStringDictionaryStringString);
        }
        catch (JsonException error)
        {
            throw new SmokeInputException($"{file} is not a cdk outputs file ({{\"Stack\": {{\"Output\": \"value\"}}}}): {error.Message}");
        }

        return all is not null && all.TryGetValue(stack, out var outputs)
            ? new StackOutputs(file, stack, outputs)
            : throw new SmokeInputException($"{file} has no stack {stack}; stacks: {(all is { Count: > 0 } ? string.Join(", ", all.Keys) : "none")}.");
    }

    /// <summary>An output the smoke test needs; missing means the stage is not configured with it.</summary>
    public string this[string key] =>
        outputs.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new SmokeInputException($"stack {stack} in {file} has no output {key}; is the stage configured with it?");
}
