namespace IdentityStack.Constructs;

/// <summary>
/// One problem of a props value: the property (a path such as <c>RoleMappingRules[2].Match</c>),
/// the value found, and the fix. Props types return every problem at once from <c>Problems()</c>;
/// constructs refuse props with problems, and the app's configuration readers report the same
/// problems at their <c>cdk.json</c> paths (the property path in camel case).
/// </summary>
public sealed record PropsProblem(string Property, string Found, string Fix)
{
    /// <summary>All problems of a props value as one message, each naming <paramref name="propsType"/>.Property.</summary>
    public static string Describe(string propsType, IEnumerable<PropsProblem> problems) =>
        string.Join(" ", problems.Select(p => $"{propsType}.{p.Property} = {p.Found}: {p.Fix}"));

    /// <summary>The property path as a configuration path: each segment in camel case (<c>RoleMappingRules[2].Match</c> -> <c>roleMappingRules[2].match</c>).</summary>
    public string ConfigPath => string.Join('.', Property.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));
}
