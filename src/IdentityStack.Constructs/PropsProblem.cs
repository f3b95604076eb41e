namespace IdentityStack.Constructs;

/// <summary>
/// One problem of a props value: the property (a path such as <c>RoleMappingRules[2].Match</c>),
/// the value found, and the fix. Props types return every problem at once from <c>Problems()</c>;
/// constructs refuse props with problems (<see cref="ThrowIfAny"/>), and the app's configuration
/// readers report the same problems at their <c>cdk.json</c> paths (the property path in camel case).
/// </summary>
public sealed record PropsProblem(string Property, string Found, string Fix)
{
    /// <summary>All problems of a props value as one message, each naming <paramref name="propsType"/>.Property.</summary>
    public static string Describe(string propsType, IEnumerable<PropsProblem> problems) =>
        string.Join(" ", problems.Select(p => $"{propsType}.{p.Property} = {p.Found}: {p.Fix}"));

    /// <summary>Refuses props with problems before a construct creates anything: one <see cref="ArgumentException"/> naming every problem.</summary>
    /// <param name="propsType">The props type's name, which every problem is prefixed with.</param>
    /// <param name="problems">The props' <c>Problems()</c>.</param>
    /// <param name="paramName">The constructor parameter that took the props.</param>
    public static void ThrowIfAny(string propsType, IReadOnlyList<PropsProblem> problems, string paramName)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count > 0)
        {
            throw new ArgumentException(Describe(propsType, problems), paramName);
        }
    }

    /// <summary>A value as a problem shows it: quoted text, or <c>null</c>.</summary>
    public static string Quoted(string? value) => value is null ? "null" : "\"" + value + "\"";

    /// <summary>The property path as a configuration path: each segment in camel case (<c>RoleMappingRules[2].Match</c> -> <c>roleMappingRules[2].match</c>).</summary>
    public string ConfigPath => string.Join('.', Property.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));

    /// <summary>
    /// The problems of a list of named items at <paramref name="property"/>: a null item, each item's
    /// own problems under its index (<c>Groups[1].Name</c>), and a name an earlier item already has.
    /// </summary>
    public static IEnumerable<PropsProblem> OfNamedItems<T>(
        string property, IReadOnlyList<T?>? items, Func<T, IReadOnlyList<PropsProblem>> problemsOf, Func<T, string?> nameOf, string nullFix, string duplicateFix)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(problemsOf);
        ArgumentNullException.ThrowIfNull(nameOf);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var at = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{property}[{i}]");
            if (items![i] is not { } item)
            {
                yield return new(at, "null", nullFix);
                continue;
            }

            foreach (var problem in problemsOf(item))
            {
                yield return problem.Under(at);
            }

            if (nameOf(item) is { } name && !seen.Add(name))
            {
                yield return new(at + ".Name", Quoted(name), duplicateFix);
            }
        }
    }

    /// <summary>The same problem under a parent property (<c>Name</c> under <c>Groups[1]</c> is <c>Groups[1].Name</c>).</summary>
    public PropsProblem Under(string parent) => this with { Property = parent + "." + Property };
}
