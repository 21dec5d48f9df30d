using SyntheticData.Synthesis.Copula.Internal;
using SyntheticData.Synthesis.Internal;
using SyntheticData.Synthesis.Transformers;
using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Copula;

/// <summary>
/// A Gaussian copula synthesizer. Fitting maps each column through its marginal CDF and the inverse
/// normal CDF to normal scores and estimates their correlation. Sampling draws correlated normals
/// through the Cholesky factor and maps them back through each marginal.
/// </summary>
/// <remarks>
/// Numeric and datetime columns get a marginal chosen by the Kolmogorov-Smirnov statistic, point masses
/// at frequent values, learned rounding, bounds, and a null indicator dimension. Categorical and boolean
/// columns map to frequency-sized intervals of (0, 1). Identifier and PII columns are not modelled.
/// </remarks>
public sealed class GaussianCopulaSynthesizer : IConditionalSynthesizer
{
    /// <summary>The payload layout version that this class writes and reads.</summary>
    public const int PayloadVersion = 1;

    private const int OrderingPasses = 2;

    private readonly GaussianCopulaOptions _copulaOptions;
    private ColumnModel[] _models = [];
    private NormalCorrelation? _correlation;
    private IReadOnlyList<ColumnSchema> _schema = [];
    private List<SynthesisWarning> _warnings = [];

    /// <summary>Creates an unfitted synthesizer with the given settings, or the defaults.</summary>
    public GaussianCopulaSynthesizer(GaussianCopulaOptions? options = null)
    {
        _copulaOptions = options ?? new GaussianCopulaOptions();
    }

    public SynthesizerKind Kind => SynthesizerKind.GaussianCopula;

    public bool IsFitted => _correlation is not null;

    public IReadOnlyList<ColumnSchema> Schema => _schema;

    public IReadOnlyList<SynthesisWarning> Warnings => _warnings;

    /// <summary>The number of dimensions of the copula's normal space: one per modelled column, plus one per column with nulls.</summary>
    public int Dimensions => _correlation?.Size ?? 0;

    /// <summary>
    /// Returns the marginal family chosen for the continuous part of each numeric and datetime column;
    /// null for a column modelled as discrete.
    /// </summary>
    public IReadOnlyDictionary<string, MarginalFamily?> MarginalFamilies =>
        _models.OfType<NumericColumnModel>().ToDictionary(model => model.Name, model => model.Family, StringComparer.Ordinal);

    /// <summary>Returns the fitted synthesizer stored in <paramref name="file"/>.</summary>
    /// <exception cref="ModelFormatException">The file was not written by this synthesizer or its payload is invalid.</exception>
    public static GaussianCopulaSynthesizer Load(ModelFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        file.RequireKind(SynthesizerKind.GaussianCopula, PayloadVersion, "Gaussian copula");

        try
        {
            using var reader = new BinaryReader(new MemoryStream(file.Payload, writable: false));
            int count = reader.ReadInt32();
            if (count != file.Schema.Count)
            {
                throw new ModelFormatException($"The payload has {count} columns but the schema has {file.Schema.Count}.");
            }

            var models = new ColumnModel[count];
            for (int i = 0; i < count; i++)
            {
                models[i] = ColumnModel.Read(reader);
            }

            NormalCorrelation correlation = NormalCorrelation.Read(reader);
            if (correlation.Size != models.Sum(model => model.Dimensions))
            {
                throw new ModelFormatException("The correlation matrix size does not match the column models.");
            }

            return new GaussianCopulaSynthesizer { _models = models, _correlation = correlation, _schema = file.Schema };
        }
        catch (EndOfStreamException ex)
        {
            throw new ModelFormatException("The Gaussian copula payload is truncated.", ex);
        }
    }

    public void Fit(Table table, SynthesisOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        if (table.RowCount == 0)
        {
            throw new SynthesisException("The training table has no rows.");
        }

        var warnings = new List<SynthesisWarning>();
        foreach (string name in options.SensitiveColumns.Where(name => !table.TryGetColumn(name, out _)))
        {
            warnings.Add(new SynthesisWarning(name, "The column is marked sensitive but is not in the training table, so the mark has no effect."));
        }

        var models = new ColumnModel[table.Columns.Count];
        for (int i = 0; i < models.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            models[i] = FitColumn(table.Columns[i], options, warnings);
            progress?.Report(new TrainingProgress("marginals", i + 1, models.Length));
        }

        int[] firstDimensions = FirstDimensions(models);
        double[][] scores = new double[models.Sum(model => model.Dimensions)][];
        for (int d = 0; d < scores.Length; d++)
        {
            scores[d] = new double[table.RowCount];
        }

        var random = new Random(options.Seed);
        for (int i = 0; i < models.Length; i++)
        {
            models[i].Encode(table.Columns[i], scores, firstDimensions[i], random);
        }

        if (_copulaOptions.CategoryOrdering == CategoryOrdering.Association)
        {
            OrderCategoriesByAssociation(table, models, firstDimensions, scores, random, cancellationToken);
        }

        progress?.Report(new TrainingProgress("correlation", 0, 1));
        NormalCorrelation correlation = NormalCorrelation.Estimate(scores, cancellationToken);
        progress?.Report(new TrainingProgress("correlation", 1, 1));
        foreach (CategoricalColumnModel categorical in models.OfType<CategoricalColumnModel>())
        {
            categorical.ReleaseTrainingRows();
        }

        _models = models;
        _correlation = correlation;
        _schema = ColumnSchema.FromTable(table);
        _warnings = warnings;
    }

    public Table Sample(int rows, int seed, CancellationToken cancellationToken = default) =>
        SampleRows(rows, seed, condition: null, cancellationToken);

    /// <summary>
    /// Draws <paramref name="rows"/> rows whose <paramref name="column"/> equals <paramref name="value"/>, by
    /// sampling the other dimensions from the multivariate normal conditioned on that column's score.
    /// </summary>
    /// <param name="rows">The number of rows.</param>
    /// <param name="seed">Seeds every draw.</param>
    /// <param name="column">The column to fix.</param>
    /// <param name="value">A category label, or a number (a date in the column's format for datetimes) in invariant culture.</param>
    /// <param name="cancellationToken">Stops sampling.</param>
    /// <remarks>
    /// A numeric column is set exactly to the requested number. A value between two training values is
    /// conditioned on its CDF position, so no rejection step and no tolerance is needed.
    /// </remarks>
    /// <exception cref="ArgumentException">The column is not modelled, or the value is invalid for it.</exception>
    /// <exception cref="InvalidOperationException">The synthesizer has not been fitted.</exception>
    public Table SampleWhere(int rows, int seed, string column, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(column);
        ArgumentNullException.ThrowIfNull(value);
        int index = Array.FindIndex(_models, model => model.Name == column);
        if (index < 0)
        {
            throw new ArgumentException($"Column '{column}' is not in the model.", nameof(column));
        }

        (double low, double high, double? number) = _models[index].ConditionOn(value);
        return SampleRows(rows, seed, new Condition(index, low, high, number), cancellationToken);
    }

    /// <summary>
    /// Draws rows whose condition column equals the condition value, as <see cref="SampleWhere"/> does.
    /// The copula conditions exactly, so <see cref="SamplingCondition.RelativeTolerance"/> is not used.
    /// </summary>
    public Table Sample(int rows, int seed, SamplingCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return SampleWhere(rows, seed, condition.Column, condition.Value, cancellationToken);
    }

    private Table SampleRows(int rows, int seed, Condition? condition, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        NormalCorrelation correlation = _correlation ?? throw new InvalidOperationException("Fit the synthesizer or load a model before sampling.");

        int[] firstDimensions = FirstDimensions(_models);
        int size = correlation.Size;
        double[][] scores = new double[size][];
        for (int d = 0; d < size; d++)
        {
            scores[d] = new double[rows];
        }

        int fixedDimension = condition is null ? -1 : firstDimensions[condition.Value.ModelIndex];
        double[,]? conditionalFactor = condition is null ? null : correlation.ConditionalFactor(fixedDimension);
        var random = new Random(seed);
        double[] independent = new double[size];
        double[] correlated = new double[size];
        for (int row = 0; row < rows; row++)
        {
            if ((row & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            StandardNormal.Fill(random, independent);
            if (condition is { } fixedValue)
            {
                double u = fixedValue.Low + (random.NextDouble() * (fixedValue.High - fixedValue.Low));
                double fixedScore = StandardNormal.InverseCdf(Math.Clamp(u, 1e-9, 1 - 1e-9));
                correlation.CorrelateGiven(fixedDimension, fixedScore, conditionalFactor!, independent, correlated);
            }
            else
            {
                correlation.Correlate(independent, correlated);
            }

            for (int d = 0; d < size; d++)
            {
                scores[d][row] = correlated[d];
            }
        }

        var columns = new List<Column>(_models.Length);
        for (int i = 0; i < _models.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Column? column = _models[i].Decode(scores, firstDimensions[i], rows, random);
            if (column is not null && condition is { Number: double number } && condition.Value.ModelIndex == i)
            {
                column = WithValue(column, number, rows);
            }

            if (column is not null)
            {
                columns.Add(column);
            }
        }

        return new Table(columns);
    }

    // Every row of a conditioned numeric column equals the requested number, never null or rounded.
    private static Column WithValue(Column column, double number, int rows)
    {
        double[] values = new double[rows];
        Array.Fill(values, number);
        return column is DateTimeColumn dateTime
            ? new DateTimeColumn(column.Name, values, dateTime.Format)
            : new NumericColumn(column.Name, values, column.Type == ColumnType.Integer);
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        NormalCorrelation correlation = _correlation ?? throw new InvalidOperationException("Fit the synthesizer or load a model before saving.");

        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(_models.Length);
            foreach (ColumnModel model in _models)
            {
                model.Write(writer);
            }

            correlation.Write(writer);
        }

        new ModelFile(Kind, PayloadVersion, _schema, payload.ToArray()).WriteTo(stream);
    }

    private ColumnModel FitColumn(Column column, SynthesisOptions options, List<SynthesisWarning> warnings)
    {
        bool sensitive = column.Type is ColumnType.Identifier or ColumnType.FreeText
            || column is TextColumn
            || options.IsMarkedSensitive(column.Name);
        if (sensitive)
        {
            return IdentifierColumnModel.Fit(column, options.IdentifierHandling, options.Seed);
        }

        if (Enumerable.Range(0, column.Length).All(column.IsNull))
        {
            warnings.Add(new SynthesisWarning(column.Name, "The column is null in every row, so it is left out of the model and sampled as all null."));
            return new AllNullColumnModel(column.Name, column.Type, (column as DateTimeColumn)?.Format);
        }

        switch (column)
        {
            case NumericColumn numeric:
                return NumericColumnModel.Fit(column.Name, column.Type, numeric.Values, null, _copulaOptions, options.EnforceMinMax);

            case DateTimeColumn dateTime:
                return NumericColumnModel.Fit(column.Name, column.Type, dateTime.SecondsSinceEpoch, dateTime.Format, _copulaOptions, options.EnforceMinMax);

            case CategoricalColumn categorical:
                return FitCategorical(categorical, options, warnings);

            default:
                throw new ColumnFitException(column.Name, $"column class {column.GetType().Name} is not supported by the Gaussian copula.");
        }
    }

    private static ColumnModel FitCategorical(CategoricalColumn column, SynthesisOptions options, List<SynthesisWarning> warnings)
    {
        CategoricalColumnModel model = CategoricalColumnModel.Fit(column);
        if (model.IntervalCount <= options.MaxCategoriesPerColumn)
        {
            return model;
        }

        // A column with one distinct value per row is a key, not a category: regenerate it from its format.
        int present = Enumerable.Range(0, column.Length).Count(row => !column.IsNull(row));
        int distinct = column.Codes.Where(code => code >= 0).Distinct().Count();
        if (distinct == present)
        {
            warnings.Add(new SynthesisWarning(
                column.Name,
                $"The column has {distinct} distinct values, one per row, above the limit of {options.MaxCategoriesPerColumn}, so it is treated as an identifier and regenerated from its format."));
            return IdentifierColumnModel.Fit(column, options.IdentifierHandling, options.Seed);
        }

        throw new ColumnFitException(
            column.Name,
            $"{model.IntervalCount} categories exceed the limit of {options.MaxCategoriesPerColumn}; mark the column sensitive or raise SynthesisOptions.MaxCategoriesPerColumn.");
    }

    // Reorders each categorical column's intervals by the mean score, per category, of the dimension with
    // the largest correlation ratio to it, then re-encodes the column. A second pass lets columns that were
    // ordered by frequency in the first pass be ordered against their partners' new order.
    private static void OrderCategoriesByAssociation(
        Table table,
        ColumnModel[] models,
        int[] firstDimensions,
        double[][] scores,
        Random random,
        CancellationToken cancellationToken)
    {
        for (int pass = 0; pass < OrderingPasses; pass++)
        {
            for (int i = 0; i < models.Length; i++)
            {
                if (models[i] is not CategoricalColumnModel categorical || categorical.IntervalCount < 3)
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                int ownDimension = firstDimensions[i];
                int[] intervals = categorical.TrainingIntervals();
                double[]? bestMeans = null;
                double bestRatio = 0;
                for (int d = 0; d < scores.Length; d++)
                {
                    if (d == ownDimension)
                    {
                        continue;
                    }

                    (double ratio, double[] means) = CorrelationRatio(intervals, categorical.IntervalCount, scores[d]);
                    if (ratio > bestRatio)
                    {
                        bestRatio = ratio;
                        bestMeans = means;
                    }
                }

                if (bestMeans is not null)
                {
                    categorical.Reorder(bestMeans);
                    categorical.Encode(table.Columns[i], scores, ownDimension, random);
                }
            }
        }
    }

    // Returns the correlation ratio (eta squared: the share of the variance of values explained by the
    // groups) and the mean of values in each group.
    private static (double Ratio, double[] Means) CorrelationRatio(int[] groups, int groupCount, double[] values)
    {
        double[] sums = new double[groupCount];
        int[] counts = new int[groupCount];
        double total = 0;
        for (int row = 0; row < groups.Length; row++)
        {
            sums[groups[row]] += values[row];
            counts[groups[row]]++;
            total += values[row];
        }

        double mean = total / groups.Length;
        double totalSquares = 0;
        foreach (double value in values)
        {
            totalSquares += (value - mean) * (value - mean);
        }

        double[] means = new double[groupCount];
        double betweenSquares = 0;
        for (int g = 0; g < groupCount; g++)
        {
            means[g] = counts[g] > 0 ? sums[g] / counts[g] : mean;
            betweenSquares += counts[g] * (means[g] - mean) * (means[g] - mean);
        }

        return (totalSquares > 0 ? betweenSquares / totalSquares : 0, means);
    }

    private readonly record struct Condition(int ModelIndex, double Low, double High, double? Number);

    private static int[] FirstDimensions(ColumnModel[] models)
    {
        int[] firstDimensions = new int[models.Length];
        int next = 0;
        for (int i = 0; i < models.Length; i++)
        {
            firstDimensions[i] = next;
            next += models[i].Dimensions;
        }

        return firstDimensions;
    }
}
