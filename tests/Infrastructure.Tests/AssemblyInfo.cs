// Every test class shares one jsii runtime process and the synthesized apps of AppCollection, so
// the classes run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
