namespace IdentityStack.Constructs.UserPools;

/// <summary>A Cognito group created with the pool.</summary>
/// <param name="Name">Group name, as it appears in the <c>cognito:groups</c> claim.</param>
/// <param name="Description">What membership means, shown in the console.</param>
/// <param name="Precedence">Lower wins when a user is in several groups that map to IAM roles.</param>
public sealed record UserPoolGroupDefinition(string Name, string Description, int Precedence);
