using SyntheticData.Tabular;

namespace SyntheticData.Synthesis;

/// <summary>
/// A generator of synthetic tables: fitted once on a training table, then sampled any number of times,
/// and saved as a <see cref="ModelFile"/> so that another process can sample from it.
/// </summary>
/// <remarks>
/// The same training table, options and seeds give the same output on the CPU path. Implementations are
/// not thread-safe: fit and sample one call at a time.
/// </remarks>
public interface ISynthesizer
{
    /// <summary>The synthesizer family.</summary>
    SynthesizerKind Kind { get; }

    /// <summary>True once <see cref="Fit"/> has finished or the model was loaded from a file.</summary>
    bool IsFitted { get; }

    /// <summary>The schema of the training table; empty before fitting.</summary>
    IReadOnlyList<ColumnSchema> Schema { get; }

    /// <summary>Problems that the last fit worked around, such as columns left out of the model.</summary>
    IReadOnlyList<SynthesisWarning> Warnings { get; }

    /// <summary>Trains on <paramref name="table"/>, replacing any earlier fit.</summary>
    /// <exception cref="ColumnFitException">A column cannot be modelled; the exception names it.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    void Fit(
        Table table,
        SynthesisOptions options,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Draws <paramref name="rows"/> synthetic rows with the training table's columns, types and formats,
    /// except identifier columns dropped by <see cref="IdentifierHandling.Drop"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The synthesizer has not been fitted.</exception>
    Table Sample(int rows, int seed, CancellationToken cancellationToken = default);

    /// <summary>Writes the fitted model as a <see cref="ModelFile"/>; it contains no training rows.</summary>
    /// <exception cref="InvalidOperationException">The synthesizer has not been fitted.</exception>
    void Save(Stream stream);
}
