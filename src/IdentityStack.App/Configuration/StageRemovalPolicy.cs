namespace IdentityStack.App.Configuration;

/// <summary>What CloudFormation does with stateful resources that leave the stack.</summary>
internal enum StageRemovalPolicy
{
    /// <summary>Keep the resource (and its users). The default.</summary>
    Retain,

    /// <summary>Delete the resource. Only for throwaway stages.</summary>
    Destroy,
}
