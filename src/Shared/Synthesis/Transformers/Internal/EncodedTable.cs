namespace SyntheticData.Synthesis.Transformers.Internal;

/// <summary>The training table in compact encoded form, expanded one row at a time into transformed rows.</summary>
internal sealed class EncodedTable
{
    private readonly IEncodedColumn[] _columns;
    private readonly int[] _offsets;
    private readonly int[] _widths;

    public EncodedTable(IEncodedColumn[] columns, int[] offsets, int[] widths, int rowCount, int width, int[][] conditionalSlots)
    {
        _columns = columns;
        _offsets = offsets;
        _widths = widths;
        RowCount = rowCount;
        Width = width;
        ConditionalSlots = conditionalSlots;
    }

    /// <summary>The number of training rows.</summary>
    public int RowCount { get; }

    /// <summary>The width of a transformed row.</summary>
    public int Width { get; }

    /// <summary>For each conditional column, the one-hot slot of every row.</summary>
    public int[][] ConditionalSlots { get; }

    /// <summary>Writes the transformed row <paramref name="row"/> into <paramref name="destination"/> (length <see cref="Width"/>).</summary>
    public void WriteRow(int row, Span<float> destination)
    {
        for (int c = 0; c < _columns.Length; c++)
        {
            if (_widths[c] > 0)
            {
                _columns[c].WriteRow(row, destination.Slice(_offsets[c], _widths[c]));
            }
        }
    }
}
