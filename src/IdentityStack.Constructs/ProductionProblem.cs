namespace IdentityStack.Constructs;

/// <summary>One production rule broken (<see cref="ProductionPolicy"/>): the setting, as named in the stage configuration, and what to do.</summary>
public sealed record ProductionProblem(string Setting, string Fix);
