namespace IdentityStack.App;

/// <summary>
/// jsii (the bridge that runs the CDK's JavaScript core under .NET) prints a 10-line banner on every
/// run when Node is past end-of-life. The machines this project targets ship Node 20, which works
/// for synthesis; the banner would bury real output, so it is silenced deliberately, for Node 20
/// only. A user who sets the variable keeps their own value.
/// </summary>
internal static class JsiiNodeBanner
{
    private const string SilenceVariable = "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION";
    private const string SilencedMajorVersions = "20";

    /// <summary>Call before the first CDK type is touched: jsii reads the variable when it starts Node.</summary>
    public static void Silence()
    {
        if (string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(SilenceVariable)))
        {
            System.Environment.SetEnvironmentVariable(SilenceVariable, SilencedMajorVersions);
        }
    }
}
