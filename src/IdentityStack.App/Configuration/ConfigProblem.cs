namespace IdentityStack.App.Configuration;

/// <summary>One thing wrong in the stage configuration: where, what was found, and how to fix it.</summary>
/// <param name="Path">Where, as a path into cdk.json context, e.g. <c>stages.prod.mfa</c>.</param>
/// <param name="Found">The offending value as written, or a description such as "missing".</param>
/// <param name="Fix">What to write instead.</param>
internal sealed record ConfigProblem(string Path, string Found, string Fix)
{
    /// <summary>One line: <c>stages.prod.mfa = "SOMETIMES": use one of OFF, OPTIONAL, REQUIRED.</c></summary>
    public override string ToString() => $"{Path} = {Found}: {Fix}";
}
