namespace SyntheticData.Benchmarks;

/// <summary>
/// An end-to-end benchmark scenario (whole files, whole training runs) that is timed with a
/// stopwatch rather than BenchmarkDotNet, because one run takes seconds to minutes.
/// </summary>
public interface IScenario
{
    /// <summary>The name given on the command line, such as <c>anonymize-throughput</c>.</summary>
    string Name { get; }

    /// <summary>One line on what the scenario measures.</summary>
    string Description { get; }

    /// <summary>Runs the scenario and prints its figures; returns the process exit code.</summary>
    int Run(string[] args);
}
