namespace IdentityStack.Constructs.IdentityPools;

/// <summary>How a role mapping rule compares a claim (CloudFormation MatchType).</summary>
public enum RoleMappingMatch
{
    /// <summary>Equals.</summary>
    Equals,

    /// <summary>Contains.</summary>
    Contains,

    /// <summary>StartsWith.</summary>
    StartsWith,

    /// <summary>NotEqual.</summary>
    NotEqual,
}
