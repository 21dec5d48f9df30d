namespace SyntheticData.Synthesis;

/// <summary>
/// Fitting failed because of one column's data; <see cref="Column"/> names it. The message never contains
/// a cell value.
/// </summary>
public sealed class ColumnFitException : SynthesisException
{
    public ColumnFitException(string column, string message)
        : base($"Column '{column}': {message}")
    {
        Column = column;
    }

    /// <summary>The column whose data could not be modelled.</summary>
    public string Column { get; }
}
