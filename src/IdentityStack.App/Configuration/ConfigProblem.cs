namespace IdentityStack.App.Configuration;

/// <summary>One thing wrong in the stage configuration: where, what was found, and how to fix it.</summary>
/// <param name="Path">Where, as a path into cdk.json context, e.g. <c>stages.prod.mfa</c>.</param>
/// <param name="Found">The offending value as written, or a description such as "missing".</param>
/// <param name="Fix">What to write instead.</param>
internal sealed record ConfigProblem(string Path, string Found, string Fix)
{
    /// <summary>One line: <c>stages.prod.mfa = "SOMETIMES": use one of OFF, OPTIONAL, REQUIRED.</c></summary>
    public override string ToString() => $"{Path} = {Shown(Found)}: {Fix}";

    /// <summary>Most values print as written; a huge one (a pasted file, a hostile value) is cut so one problem stays one line.</summary>
    private const int ShownLength = 120;

    private static string Shown(string found) =>
        found.Length <= ShownLength ? found : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{found[..ShownLength]}... ({found.Length} characters)");
}
