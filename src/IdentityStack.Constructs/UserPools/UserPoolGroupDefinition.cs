using System.Globalization;
using System.Text.RegularExpressions;
using IdentityStack.Triggers.Contract;

namespace IdentityStack.Constructs.UserPools;

/// <summary>A Cognito group created with the pool.</summary>
/// <param name="Name">Group name, as it appears in the <c>cognito:groups</c> claim: 1-128 letters, digits, '_', '.' or '-'.</param>
/// <param name="Description">What membership means, shown in the console (at most 2048 characters, one line).</param>
/// <param name="Precedence">Lower wins when a user is in several groups that map to IAM roles; 0 or more.</param>
public sealed partial record UserPoolGroupDefinition(string Name, string Description, int Precedence)
{
    /// <summary>Cognito's longest group description.</summary>
    public const int MaxDescriptionLength = 2048;

    /// <summary>Scopes the pre token generation trigger adds to members' access tokens, e.g. <c>identitystack/admin</c>. Default none.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>A group name as Cognito takes it (groups and every reference to one).</summary>
    [GeneratedRegex("^[A-Za-z0-9_.-]{1,128}$", RegexOptions.ExplicitCapture, TriggerSettingFormats.RegexTimeoutMilliseconds)]
    public static partial Regex NamePattern();

    /// <summary>Every problem of this group (property paths relative to it).</summary>
    public IReadOnlyList<PropsProblem> Problems()
    {
        var problems = new List<PropsProblem>();
        if (string.IsNullOrEmpty(Name) || !NamePattern().IsMatch(Name))
        {
            problems.Add(new(nameof(Name), PropsProblem.Quoted(Name), "use 1-128 letters, digits, '_', '.' or '-', e.g. \"admins\"."));
        }

        if (Description is null || Description.Length > MaxDescriptionLength || Description.Contains('\n', StringComparison.Ordinal) || Description.Contains('\r', StringComparison.Ordinal))
        {
            problems.Add(new(nameof(Description), Description is null ? "null" : "(" + Description.Length.ToString(CultureInfo.InvariantCulture) + " characters)", "use plain text on one line of at most 2048 characters (empty is fine)."));
        }

        if (Precedence < 0)
        {
            problems.Add(new(nameof(Precedence), Precedence.ToString(CultureInfo.InvariantCulture), "use a whole number from 0 (wins over every other group) upwards."));
        }

        for (var i = 0; i < (Scopes?.Count ?? 0); i++)
        {
            if (string.IsNullOrEmpty(Scopes![i]) || !TriggerSettingFormats.Scope().IsMatch(Scopes[i]))
            {
                problems.Add(new(string.Create(CultureInfo.InvariantCulture, $"{nameof(Scopes)}[{i}]"), PropsProblem.Quoted(Scopes[i]), "use a scope name such as \"identitystack/admin\" (no spaces or quotes)."));
            }
        }

        return problems;
    }
}
