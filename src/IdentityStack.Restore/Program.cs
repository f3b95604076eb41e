using IdentityStack.Restore;

// identity-restore: a user directory snapshot back into a stage. Exit 0 done (or nothing to do),
// 1 done in part or refused by AWS (named), 2 bad input, a snapshot refused, or no credentials (one line).
try
{
    return await RestoreProgram.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
}
catch (Exception error) when (error is not OutOfMemoryException)
{
    // Whatever went wrong that the steps do not name: one line, never a stack trace.
    await Console.Error.WriteLineAsync($"identity-restore: failed: {error.GetType().Name}: {error.Message}; what was done is kept, and a second run carries on from there.").ConfigureAwait(false);
    return 1;
}
