namespace SyntheticData.Evaluation.Internal;

/// <summary>Draws a seeded random subset of rows when a table is larger than a stated sample size.</summary>
internal static class RowSample
{
    /// <summary>Returns the columns unchanged when they fit, else the same random rows of every column.</summary>
    public static MetricColumn[] Take(MetricColumn[] columns, int? maxRows, int seed)
    {
        int rows = columns.Length == 0 ? 0 : columns[0].Length;
        if (maxRows is null || rows <= maxRows.Value)
        {
            return columns;
        }

        int[] indices = Enumerable.Range(0, rows).ToArray();
        new Random(seed).Shuffle(indices);
        int[] chosen = indices[..maxRows.Value];
        Array.Sort(chosen);
        return columns.Select(column => Select(column, chosen)).ToArray();
    }

    public static MetricColumn Select(MetricColumn column, int[] rows) =>
        column.Numbers is { } numbers
            ? MetricColumn.Continuous(column.Name, rows.Select(r => numbers[r]).ToArray(), column.SdType, column.IsInteger)
            : MetricColumn.Discrete(column.Name, rows.Select(r => column.Labels![r]).ToArray(), column.SdType);
}
