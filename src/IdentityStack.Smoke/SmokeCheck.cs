namespace IdentityStack.Smoke;

/// <summary>One check's result, printed as one line: "PASS name: detail" or "FAIL name: detail".</summary>
internal sealed record SmokeCheck(string Name, bool Passed, string Detail)
{
    public override string ToString() => $"{(Passed ? "PASS" : "FAIL")} {Name}: {Detail}";
}
