using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Transformers.Internal;

/// <summary>
/// Rejection sampling and value pinning for conditioned sampling, shared by CTGAN and TVAE.
/// </summary>
internal static class ConditionalSampler
{
    /// <summary>The number of generated batches tried before a numeric condition is given up.</summary>
    public const int MaxAttempts = 200;

    /// <summary>
    /// Calls <paramref name="generate"/> for batches of decoded rows until <paramref name="rows"/> rows
    /// satisfy <paramref name="condition"/>, sets the condition column to the requested value in each,
    /// and returns them.
    /// </summary>
    public static Table SampleMatching(
        DataTransformer transformer,
        int rows,
        SamplingCondition condition,
        Func<int, Table> generate,
        CancellationToken cancellationToken)
    {
        Func<Table, int, bool> matches = Matcher(transformer, condition);
        var accepted = new List<Table>();
        int found = 0;
        int batch = Math.Max(rows, 1000);
        for (int attempt = 0; attempt < MaxAttempts && found < rows; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Table candidates = generate(batch);
            var keep = new List<int>();
            for (int row = 0; row < candidates.RowCount && found + keep.Count < rows; row++)
            {
                if (matches(candidates, row))
                {
                    keep.Add(row);
                }
            }

            if (keep.Count > 0)
            {
                accepted.Add(TableRows.Select(candidates, keep));
                found += keep.Count;
            }
        }

        if (found < rows)
        {
            throw new SynthesisException(
                $"Only {found} of {rows} generated rows matched the condition on column '{condition.Column}' after {MaxAttempts} batches; " +
                "request a value inside the training range or raise the relative tolerance.");
        }

        return Pin(transformer, TableRows.Concat(accepted, rows), condition);
    }

    /// <summary>Sets the condition column of every row to the requested value.</summary>
    public static Table Pin(DataTransformer transformer, Table table, SamplingCondition condition)
    {
        var columns = new List<Column>();
        foreach (Column column in table.Columns)
        {
            columns.Add(column.Name == condition.Column ? Pinned(transformer, column, condition) : column);
        }

        return new Table(columns);
    }

    /// <summary>Checks that the condition names a modelled column and a value it can take.</summary>
    public static void Validate(DataTransformer transformer, SamplingCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (transformer.TryFindDiscreteCondition(condition.Column, condition.Value, out _, out _, out _))
        {
            return;
        }

        if (transformer.FindContinuous(condition.Column) is { } continuous)
        {
            if (!condition.TryGetNumber(out _))
            {
                throw new ArgumentException($"Column '{condition.Column}' is numeric; the requested value is not a number.", nameof(condition));
            }

            if (continuous.IsDateTime)
            {
                throw new ArgumentException($"Column '{condition.Column}' is a date-time column; conditions on dates are not supported.", nameof(condition));
            }

            return;
        }

        throw new ArgumentException(
            transformer.HasColumn(condition.Column)
                ? $"Column '{condition.Column}' is not modelled (identifier, free text or all null), so it cannot be conditioned on."
                : $"Column '{condition.Column}' was not found in the model.",
            nameof(condition));
    }

    private static Func<Table, int, bool> Matcher(DataTransformer transformer, SamplingCondition condition)
    {
        if (transformer.TryFindDiscreteCondition(condition.Column, condition.Value, out _, out _, out string label))
        {
            return (table, row) => table[condition.Column].FormatValue(row) == label
                || (table[condition.Column] is NumericColumn numeric && numeric.FormatValue(row) is { } text && SameNumber(text, label));
        }

        condition.TryGetNumber(out double target);
        double tolerance = Math.Abs(target) * condition.RelativeTolerance;
        return (table, row) =>
        {
            double value = ((NumericColumn)table[condition.Column]).Values[row];
            return !double.IsNaN(value) && Math.Abs(value - target) <= tolerance;
        };
    }

    private static bool SameNumber(string left, string right) =>
        double.TryParse(left, System.Globalization.CultureInfo.InvariantCulture, out double a)
        && double.TryParse(right, System.Globalization.CultureInfo.InvariantCulture, out double b)
        && a == b;

    private static Column Pinned(DataTransformer transformer, Column column, SamplingCondition condition)
    {
        switch (column)
        {
            case NumericColumn numeric:
                condition.TryGetNumber(out double number);
                return new NumericColumn(column.Name, Enumerable.Repeat(number, numeric.Length).ToArray(), numeric.IsInteger);
            case CategoricalColumn categorical:
                transformer.TryFindDiscreteCondition(condition.Column, condition.Value, out _, out _, out string label);
                int code = categorical.Categories.ToList().IndexOf(label);
                return new CategoricalColumn(column.Name, Enumerable.Repeat(code, categorical.Length).ToArray(), categorical.Categories, categorical.Type == ColumnType.Boolean);
            default:
                return column;
        }
    }
}
