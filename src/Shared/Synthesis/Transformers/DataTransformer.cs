using SyntheticData.Synthesis.Transformers.Internal;
using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Transformers;

/// <summary>
/// The reversible transformation between a table and the fixed-width numeric rows that CTGAN and TVAE
/// learn: mode-specific normalisation for numbers and dates, one-hot blocks for discrete columns, null
/// indicators for missing numbers, and generated values for identifiers and free text.
/// </summary>
public sealed class DataTransformer
{
    /// <summary>A categorical column with this many rows or more whose values are all distinct is treated as an identifier.</summary>
    private const int IdentifierMinRows = 10;

    private readonly ColumnTransform[] _columns;
    private readonly int[] _offsets;

    private DataTransformer(ColumnTransform[] columns, IReadOnlyList<SynthesisWarning> warnings)
    {
        _columns = columns;
        _offsets = new int[columns.Length];
        var spans = new List<OutputSpan>();
        var conditional = new List<ConditionalColumn>();
        int offset = 0;
        int conditionOffset = 0;
        for (int c = 0; c < columns.Length; c++)
        {
            _offsets[c] = offset;
            foreach (OutputSpan span in columns[c].Spans)
            {
                spans.Add(span with { Start = offset + span.Start });
            }

            if (columns[c] is DiscreteColumnTransform discrete)
            {
                conditional.Add(new ConditionalColumn(discrete.Name, offset, conditionOffset, discrete.SlotCounts));
                conditionOffset += discrete.Width;
            }

            offset += columns[c].Width;
        }

        Width = offset;
        Spans = spans;
        ConditionalColumns = conditional;
        ConditionWidth = conditionOffset;
        Warnings = warnings;
    }

    /// <summary>The width of a transformed row.</summary>
    public int Width { get; }

    /// <summary>The activation spans of a transformed row, in order.</summary>
    public IReadOnlyList<OutputSpan> Spans { get; }

    /// <summary>The discrete columns that the condition vector covers, in order.</summary>
    public IReadOnlyList<ConditionalColumn> ConditionalColumns { get; }

    /// <summary>The width of the condition vector: the sum of the conditional columns' widths.</summary>
    public int ConditionWidth { get; }

    /// <summary>Warnings from fitting, each naming a column and never a value.</summary>
    public IReadOnlyList<SynthesisWarning> Warnings { get; }

    /// <summary>The names of all source columns, in table order, including those that are not modelled.</summary>
    public IReadOnlyList<string> ColumnNames => _columns.Select(c => c.Name).ToArray();

    /// <summary>
    /// Fits the transformer to <paramref name="table"/>. <paramref name="synthesis"/> supplies the bounds
    /// enforcement, the category width limit and the sensitive columns; <paramref name="random"/> seeds k-means.
    /// </summary>
    /// <exception cref="ArgumentException">The table has no rows or no columns.</exception>
    /// <exception cref="ColumnFitException">A column is of a kind that cannot be modelled, or its mixture fit failed.</exception>
    public static DataTransformer Fit(Table table, SynthesisOptions synthesis, DataTransformerOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(synthesis);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        options.Validate();
        if (table.RowCount == 0 || table.Columns.Count == 0)
        {
            throw new ArgumentException("The training table has no rows or no columns.", nameof(table));
        }

        // Columns are fitted in parallel, each with its own generator seeded in column order, so the result
        // does not depend on the number of threads.
        int count = table.Columns.Count;
        int[] seeds = Enumerable.Range(0, count).Select(_ => random.Next()).ToArray();
        var transforms = new ColumnTransform[count];
        var columnWarnings = new List<SynthesisWarning>[count];
        RunPerColumn(count, c =>
        {
            columnWarnings[c] = [];
            transforms[c] = FitColumn(table.Columns[c], table.RowCount, synthesis, options, new Random(seeds[c]), columnWarnings[c]);
        });

        return new DataTransformer(transforms, columnWarnings.SelectMany(w => w).ToList());
    }

    /// <summary>Encodes the whole table into a row-major matrix of <c>RowCount x Width</c> values.</summary>
    public float[] Transform(Table table, Random random)
    {
        EncodedTable encoded = Encode(table, random);
        float[] data = new float[(long)encoded.RowCount * Width];
        for (int i = 0; i < encoded.RowCount; i++)
        {
            encoded.WriteRow(i, data.AsSpan(i * Width, Width));
        }

        return data;
    }

    /// <summary>
    /// Decodes <paramref name="rows"/> activated rows (row-major, <see cref="Width"/> values each) into a table
    /// with the training table's columns; <paramref name="random"/> draws generated and pooled values.
    /// </summary>
    public Table InverseTransform(float[] data, int rows, Random random)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (data.Length < (long)rows * Width)
        {
            throw new ArgumentException($"Expected {rows} rows of {Width} values but got {data.Length} values.", nameof(data));
        }

        var columns = new List<Column>(_columns.Length);
        for (int c = 0; c < _columns.Length; c++)
        {
            Column column = _columns[c].Decode(data, rows, Width, _offsets[c], random);
            if (!(_columns[c] is GeneratedColumnTransform { IsDropped: true }))
            {
                columns.Add(column);
            }
        }

        return new Table(columns);
    }

    /// <summary>Encodes the training table compactly; the mode of each continuous value is drawn with <paramref name="random"/>.</summary>
    internal EncodedTable Encode(Table table, Random random)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Columns.Count != _columns.Length)
        {
            throw new ArgumentException($"Expected {_columns.Length} columns but the table has {table.Columns.Count}.", nameof(table));
        }

        var encoded = new IEncodedColumn[_columns.Length];
        int[] seeds = Enumerable.Range(0, _columns.Length).Select(_ => random.Next()).ToArray();
        RunPerColumn(_columns.Length, c => encoded[c] = _columns[c].Encode(table[_columns[c].Name], new Random(seeds[c])));
        var conditionalSlots = new List<int[]>();
        for (int c = 0; c < _columns.Length; c++)
        {
            if (_columns[c] is DiscreteColumnTransform discrete)
            {
                conditionalSlots.Add(discrete.SlotsOf(encoded[c]));
            }
        }

        int[] widths = _columns.Select(c => c.Width).ToArray();
        return new EncodedTable(encoded, _offsets, widths, table.RowCount, Width, [.. conditionalSlots]);
    }

    /// <summary>
    /// Finds a discrete column and the slot of a requested value. Returns false when the column is not a
    /// modelled discrete column; throws when it is but has no such category.
    /// </summary>
    internal bool TryFindDiscreteCondition(string columnName, string value, out int conditionalIndex, out int slot, out string label)
    {
        conditionalIndex = -1;
        slot = -1;
        label = value;
        int index = 0;
        foreach (ColumnTransform transform in _columns)
        {
            if (transform is DiscreteColumnTransform discrete)
            {
                if (discrete.Name == columnName)
                {
                    if (!discrete.TryFindSlot(value, out slot))
                    {
                        throw new ArgumentException($"Column '{columnName}' has no category equal to the requested value.", nameof(value));
                    }

                    conditionalIndex = index;
                    label = discrete.CanonicalLabel(value);
                    return true;
                }

                index++;
            }
        }

        return false;
    }

    /// <summary>Returns the continuous transform of a modelled numeric column, or null.</summary>
    internal ContinuousColumnTransform? FindContinuous(string columnName) =>
        _columns.OfType<ContinuousColumnTransform>().FirstOrDefault(c => c.Name == columnName);

    /// <summary>Returns true when the table had a column with this name, modelled or not.</summary>
    internal bool HasColumn(string columnName) => _columns.Any(c => c.Name == columnName);

    /// <summary>Writes the fitted transformer; no training row is written.</summary>
    internal void Write(BinaryWriter writer)
    {
        writer.Write(_columns.Length);
        foreach (ColumnTransform column in _columns)
        {
            column.Write(writer);
        }

        writer.Write(Warnings.Count);
        foreach (SynthesisWarning warning in Warnings)
        {
            writer.Write(warning.Column);
            writer.Write(warning.Message);
        }
    }

    /// <summary>Reads a transformer written by <see cref="Write"/>.</summary>
    internal static DataTransformer Read(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        if (count < 1 || count > 1_000_000)
        {
            throw new InvalidDataException($"Invalid column count {count} in the model file.");
        }

        var columns = new ColumnTransform[count];
        for (int c = 0; c < count; c++)
        {
            columns[c] = ColumnTransform.Read(reader);
        }

        int warningCount = reader.ReadInt32();
        if (warningCount < 0 || warningCount > 1_000_000)
        {
            throw new InvalidDataException($"Invalid warning count {warningCount} in the model file.");
        }

        var warnings = new List<SynthesisWarning>();
        for (int w = 0; w < warningCount; w++)
        {
            warnings.Add(new SynthesisWarning(reader.ReadString(), reader.ReadString()));
        }

        return new DataTransformer(columns, warnings);
    }

    /// <summary>Runs <paramref name="body"/> for each column in parallel and rethrows the first column's failure unwrapped.</summary>
    private static void RunPerColumn(int count, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, body);
        }
        catch (AggregateException exception) when (exception.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerExceptions[0]).Throw();
        }
    }

    private static ColumnTransform FitColumn(
        Column column,
        int rowCount,
        SynthesisOptions synthesis,
        DataTransformerOptions options,
        Random random,
        List<SynthesisWarning> warnings)
    {
        bool drop = synthesis.IdentifierHandling == IdentifierHandling.Drop;
        if (synthesis.IsMarkedSensitive(column.Name) || column is TextColumn)
        {
            // Identifier, free-text and PII columns are never modelled, so no value can leak through the weights.
            return GeneratedColumnTransform.Fit(column, drop, random.Next());
        }

        int nullCount = 0;
        for (int i = 0; i < column.Length; i++)
        {
            if (column.IsNull(i))
            {
                nullCount++;
            }
        }

        if (nullCount == column.Length)
        {
            warnings.Add(new SynthesisWarning(
                column.Name, $"Column '{column.Name}' is null in every row; it is left out of the model and sampled as all null."));
            return new NullColumnTransform(column.Name, SourceKind.Of(column));
        }

        switch (column)
        {
            case CategoricalColumn categorical:
                int distinct = DiscreteColumnTransform.CountDistinct(categorical);
                if (nullCount == 0 && distinct == rowCount && rowCount >= IdentifierMinRows && categorical.Type == ColumnType.Categorical)
                {
                    warnings.Add(new SynthesisWarning(
                        column.Name,
                        $"Column '{column.Name}' has a distinct value in every row; it is treated as an identifier and generated from its pattern, not modelled."));
                    var asText = new TextColumn(
                        column.Name, Enumerable.Range(0, rowCount).Select(categorical.FormatValue).ToArray(), ColumnType.Identifier);
                    return GeneratedColumnTransform.Fit(asText, drop, random.Next());
                }

                return FitDiscrete(column, distinct + (nullCount > 0 ? 1 : 0), synthesis.MaxCategoriesPerColumn, warnings);

            case NumericColumn { IsInteger: true } integer
                when DiscreteColumnTransform.CountDistinct(integer) <= options.DiscreteIntegerMaxDistinct:
                int width = DiscreteColumnTransform.CountDistinct(integer) + (nullCount > 0 ? 1 : 0);
                return FitDiscrete(column, width, synthesis.MaxCategoriesPerColumn, warnings);

            case NumericColumn or DateTimeColumn:
                try
                {
                    return ContinuousColumnTransform.Fit(
                        column, ContinuousColumnTransform.ValuesOf(column), options, synthesis.EnforceMinMax, random);
                }
                catch (ArithmeticException exception)
                {
                    throw new ColumnFitException(column.Name, "Fitting the Gaussian mixture failed: " + exception.Message);
                }

            default:
                throw new ColumnFitException(column.Name, $"Type {column.Type} is not supported by the data transformer.");
        }
    }

    private static DiscreteColumnTransform FitDiscrete(Column column, int width, int maxWidth, List<SynthesisWarning> warnings)
    {
        if (width > maxWidth)
        {
            warnings.Add(new SynthesisWarning(
                column.Name,
                $"Column '{column.Name}' has {width} categories, more than the limit of {maxWidth}; " +
                "the most frequent keep their own slot and the rest share one, sampled by training frequency."));
        }

        return DiscreteColumnTransform.Fit(column, maxWidth);
    }
}
