using System.Text.Json;

namespace IdentityStack.Triggers.Benchmarks;

/// <summary>handlers.json, as ./build.sh publish writes it: each handler's binary, relative to the file; here resolved to full paths.</summary>
internal static class HandlerBinaries
{
    /// <summary>The map; <see cref="InvalidDataException"/> naming the entry when one names no binary that exists.</summary>
    public static IReadOnlyDictionary<string, string> Read(string handlersJson)
    {
        var map = JsonSerializer.Deserialize<Dictionary<string, string?>>(File.ReadAllText(handlersJson))
            ?? throw new InvalidDataException("it is null");
        var directory = Path.GetDirectoryName(Path.GetFullPath(handlersJson))!;
        var binaries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (handler, relative) in map)
        {
            var path = string.IsNullOrWhiteSpace(relative) ? null : Path.GetFullPath(Path.Combine(directory, relative));
            binaries[handler] = path is not null && File.Exists(path)
                ? path
                : throw new InvalidDataException($"\"{handler}\" names {(path is null ? "no binary" : path + ", which does not exist")}");
        }

        return binaries;
    }
}
