using SyntheticData.Infrastructure.Stacks;

namespace SyntheticData.Infrastructure;

/// <summary>The stacks of the app, in deployment order.</summary>
public sealed record AppStacks(SecurityStack Security, DataStack Data, MonitoringStack Monitoring);
