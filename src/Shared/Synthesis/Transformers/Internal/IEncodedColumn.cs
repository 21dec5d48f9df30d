namespace SyntheticData.Synthesis.Transformers.Internal;

/// <summary>
/// One column of the training table in compact encoded form; it expands a row into the column's
/// block of the transformed row on demand, so memory grows with rows times columns, not with the one-hot width.
/// </summary>
internal interface IEncodedColumn
{
    /// <summary>Writes row <paramref name="row"/> into <paramref name="destination"/>, which has the column's width.</summary>
    void WriteRow(int row, Span<float> destination);
}
