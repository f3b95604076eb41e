using IdentityStack.Constructs.SignIn;

namespace IdentityStack.App.Configuration;

/// <summary>A stage's hosted sign-in (<c>stages.{name}.signIn</c>): the construct's settings and which <c>federation</c> providers its clients offer (resolved by name in the stack).</summary>
/// <param name="Options">Domain, URLs, token lifetimes and look.</param>
/// <param name="IdentityProviders">Names of <c>federation</c> providers the user-facing clients offer.</param>
internal sealed record SignInConfig(HostedSignInOptions Options, IReadOnlyList<string> IdentityProviders);
