using IdentityStack.Constructs;

namespace IdentityStack.App.Configuration;

/// <summary>A file named by the configuration: resolved from the repository root, and a problem when it is not there.</summary>
internal static class ConfiguredFile
{
    /// <summary>The full path of <paramref name="path"/>, or null after recording "no such file" (plus <paramref name="advice"/>) on <paramref name="field"/>.</summary>
    public static string? Find(JsonObjectReader reader, string field, string path, string? advice = null)
    {
        var file = RepositoryLayout.Resolve(path);
        if (File.Exists(file))
        {
            return file;
        }

        reader.Problem(field, PropsProblem.Quoted(path), $"no such file ({file}); paths are relative to the repository root." + (advice is null ? string.Empty : " " + advice));
        return null;
    }
}
