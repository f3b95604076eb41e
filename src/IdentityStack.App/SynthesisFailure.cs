using System.Text.RegularExpressions;

namespace IdentityStack.App;

/// <summary>
/// Turns any failure during synthesis into the message a person can act on. An error raised in our
/// code while the CDK's JavaScript core runs (a bundling callback, a validation) comes back through
/// jsii as a plain exception whose message carries the original one between wrapper prefixes
/// ("@jsii/kernel.RuntimeError: System.InvalidOperationException: ...") and .NET and JavaScript
/// stack frames. The frames and prefixes are noise to the person running <c>cdk synth</c>; the
/// message itself is kept whole.
/// </summary>
internal static partial class SynthesisFailure
{
    /// <summary>The message of <paramref name="error"/> and its inner exceptions, without stack frames or wrapper prefixes.</summary>
    public static string Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var messages = new List<string>();
        for (var current = error; current is not null; current = current.InnerException)
        {
            var message = Clean(current.Message);
            if (message.Length > 0 && !messages.Any(m => m.Contains(message, StringComparison.Ordinal)))
            {
                messages.Add(message);
            }
        }

        return string.Join(Environment.NewLine, messages);
    }

    private static string Clean(string message)
    {
        var lines = message.ReplaceLineEndings("\n").Split('\n')
            .Where(line => !StackFrame().IsMatch(line))
            .Select(line => WrapperPrefix().Replace(line, string.Empty).TrimEnd());
        return string.Join(Environment.NewLine, lines).Trim();
    }

    /// <summary>A .NET frame ("   at Type.Method(...) in file:line 3") or a JavaScript one ("    at fn (file.js:1:2)").</summary>
    [GeneratedRegex(@"^\s+at\s", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex StackFrame();

    /// <summary>"@jsii/kernel.RuntimeError: ", "Error: ", "System.InvalidOperationException: " and the like, where they start a message part.</summary>
    [GeneratedRegex(@"(?<=^|: )(@jsii/kernel\.[A-Za-z]+: |([A-Z][A-Za-z0-9]*\.)*[A-Z][A-Za-z0-9]*(Exception|Error): )+", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex WrapperPrefix();
}
