using System.Text;

namespace IdentityStack.Constructs.SignIn;

/// <summary>Spells a C# enum member the way CloudFormation and file names do: FormLogo -> FORM_LOGO, form-logo.</summary>
public static class CloudFormationEnumName
{
    /// <summary>UPPER_SNAKE_CASE, as CloudFormation writes it.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Join(value.ToString(), '_').ToUpperInvariant();

    /// <summary>kebab-case, as the repository's file names write it.</summary>
    public static string FileNameOf<TEnum>(TEnum value)
        where TEnum : struct, Enum => Join(value.ToString(), '-').ToLowerInvariant();

    private static string Join(string pascal, char separator)
    {
        var text = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                text.Append(separator);
            }

            text.Append(pascal[i]);
        }

        return text.ToString();
    }
}
