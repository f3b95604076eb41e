using System.Globalization;

namespace IdentityStack.Triggers.Benchmarks;

/// <summary>The command line.</summary>
internal sealed record BenchOptions(string HandlersJson, string Floor, string Jit, int Rounds, bool ColdOnly)
{
    public static BenchOptions? Parse(string[] args)
    {
        string? handlers = null, floor = null, jit = null;
        var rounds = 30;
        var coldOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--handlers": handlers = Next(); break;
                case "--floor": floor = Next(); break;
                case "--jit": jit = Next(); break;
                case "--rounds" when int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000: rounds = n; break;
                case "--cold-only": coldOnly = true; break;
                default: return null;
            }
        }

        return handlers is null || floor is null || jit is null ? null : new BenchOptions(handlers, floor, jit, rounds, coldOnly);
    }
}
