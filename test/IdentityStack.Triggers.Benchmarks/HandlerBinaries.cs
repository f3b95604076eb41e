using System.Text.Json;

namespace IdentityStack.Triggers.Benchmarks;

/// <summary>handlers.json, as ./build.sh publish writes it: each handler's binary, relative to the file; here resolved to full paths.</summary>
internal static class HandlerBinaries
{
    public static IReadOnlyDictionary<string, string> Read(string handlersJson)
    {
        if (!File.Exists(handlersJson))
        {
            throw new FileNotFoundException($"{handlersJson} does not exist: run ./build.sh publish first.", handlersJson);
        }

        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(handlersJson))
            ?? throw new InvalidDataException($"{handlersJson} is empty.");
        var directory = Path.GetDirectoryName(Path.GetFullPath(handlersJson))!;
        return map.ToDictionary(p => p.Key, p => Path.GetFullPath(Path.Combine(directory, p.Value)), StringComparer.Ordinal);
    }
}
