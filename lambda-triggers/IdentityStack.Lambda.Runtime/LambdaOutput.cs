using System.Text;

namespace IdentityStack.Lambda.Runtime;

/// <summary>
/// Standard output and standard error as Lambda reads them into the function's log: UTF-8 without a
/// byte-order mark, each write flushed, safe to share between threads. Unlike <see cref="Console.Out"/>
/// they look at no terminal and no locale to choose an encoding (Lambda has neither), a share of the
/// cold start that ./build.sh bench measures. Each is opened on first use.
/// </summary>
public static class LambdaOutput
{
    private static readonly Lazy<TextWriter> StandardOutput = new(() => Open(Console.OpenStandardOutput()));
    private static readonly Lazy<TextWriter> StandardError = new(() => Open(Console.OpenStandardError()));

    /// <summary>Standard output: the function's log lines (EMF metrics, JSON log lines).</summary>
    public static TextWriter Out => StandardOutput.Value;

    /// <summary>Standard error: the runtime's own messages (init and Runtime API failures).</summary>
    public static TextWriter Error => StandardError.Value;

    private static TextWriter Open(Stream stream) =>
        TextWriter.Synchronized(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true });
}
