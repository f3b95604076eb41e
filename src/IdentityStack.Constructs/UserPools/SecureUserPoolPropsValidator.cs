using System.Globalization;

namespace IdentityStack.Constructs.UserPools;

/// <summary>Checks <see cref="SecureUserPoolProps"/> before any resource is created.</summary>
internal static class SecureUserPoolPropsValidator
{
    public static void ThrowIfInvalid(SecureUserPoolProps props)
    {
        var problems = new List<string>();
        var policy = props.PasswordPolicy;
        Range(problems, "PasswordPolicy.MinLength", policy.MinLength, PasswordPolicyLimits.MinLengthLowest, PasswordPolicyLimits.MinLengthHighest);
        Range(problems, "PasswordPolicy.TemporaryPasswordValidityDays", policy.TemporaryPasswordValidityDays, 1, PasswordPolicyLimits.TemporaryPasswordValidityDaysHighest);
        Range(problems, "PasswordPolicy.PasswordHistorySize", policy.PasswordHistorySize, 0, PasswordPolicyLimits.PasswordHistorySizeHighest);
        if (string.IsNullOrWhiteSpace(props.UserPoolName))
        {
            problems.Add("UserPoolName is empty; give the pool a name such as 'identity-dev'.");
        }

        foreach (var duplicate in props.Groups.GroupBy(g => g.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"Groups: '{duplicate.Key}' is listed {duplicate.Count()} times; group names must be unique.");
        }

        if (props.Production)
        {
            problems.AddRange(ProductionPolicy.PoolProblems(props.ThreatProtection, props.Mfa, props.RemovalPolicy == Amazon.CDK.RemovalPolicy.DESTROY, props.DeletionProtection)
                .Select(p => $"Production: {p.Setting}: {p.Fix}"));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid SecureUserPoolProps:" + Environment.NewLine + string.Join(Environment.NewLine, problems), nameof(props));
        }
    }

    private static void Range(List<string> problems, string name, int value, int lowest, int highest)
    {
        if (value < lowest || value > highest)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} is {value}; use a value from {lowest} to {highest}."));
        }
    }
}
