namespace SyntheticData.Pipeline.Runs;

/// <summary>
/// A metrics sink that keeps the last value of each metric, for the local runner's manifest.
/// </summary>
public sealed class ManifestMetricsSink : IMetricsSink
{
    private readonly SortedDictionary<string, double> _values = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public void Record(string name, double value, string unit = "None")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_gate)
        {
            _values[name] = value;
        }
    }

    /// <summary>Returns a copy of the recorded values, in name order.</summary>
    public SortedDictionary<string, double> Snapshot()
    {
        lock (_gate)
        {
            return new SortedDictionary<string, double>(_values, StringComparer.Ordinal);
        }
    }
}
