using System.Diagnostics;

namespace IdentityStack.Triggers.Benchmarks;

/// <summary>One program the cold-start rounds start: the floor, a handler on its binary, or a handler on the JIT.</summary>
/// <param name="Label">How the report names it.</param>
/// <param name="Binary">The file that is started (for the report and sizes).</param>
/// <param name="Start">A fresh start description (environment without the Runtime API address, which each start sets).</param>
/// <param name="Payload">The event it answers.</param>
/// <param name="Scenario">The handler's scenario; null for the floor.</param>
internal sealed record Contender(string Label, string Binary, Func<ProcessStartInfo> Start, string Payload, ColdStartScenario? Scenario);
