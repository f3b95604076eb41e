namespace IdentityStack.Triggers.Benchmarks;

/// <summary>The targets the verdict checks (issues #4 and #19). Figures of one run, never timed assertions in tests.</summary>
internal static class BenchTargets
{
    /// <summary>Cold start of a handler that calls no AWS service, as a multiple of the floor's.</summary>
    public const double AwsFreeOverFloor = 2.5;

    /// <summary>Cold start of a handler on the binary with the AWS SDK (a DynamoDB call on the way), as a multiple of the floor's.</summary>
    public const double WithAwsOverFloor = 5;

    /// <summary>Every function's zip, in MB (10^6 bytes).</summary>
    public const double ZippedMegabytes = 4;

    /// <summary>How much longer the same handler takes to start on the JIT than as Native AOT, at least.</summary>
    public const double JitOverAot = 5;

    /// <summary>Peak resident memory of any AOT cold start, in MB.</summary>
    public const double PeakRssMegabytes = 40;

    /// <summary>One warm invocation of any trigger, in microseconds.</summary>
    public const double WarmMicroseconds = 20;
}
