namespace IdentityStack.App.Configuration;

/// <summary>What the configuration reference says of a stage field besides what its reader records.</summary>
/// <param name="Description">What the field does, in a sentence or two.</param>
/// <param name="Default">
/// The default where the reader does not record one (a choice's or a boolean's it does), taken from
/// the options type that holds it; null: the field has none.
/// </param>
/// <param name="RequiredWhen">
/// When a field its reader requires only in some cases (a provider type's own fields): says which,
/// and keeps the JSON Schema from requiring it always.
/// </param>
internal sealed record StageFieldDoc(string Description, Func<string>? Default = null, string? RequiredWhen = null);
