// The CDK runs in one jsii (Node) process per test process, which is not safe to call from
// several threads: test classes that synthesize must run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
