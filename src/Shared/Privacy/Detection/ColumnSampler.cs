using SyntheticData.Tabular;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Reads the first rows of a record source into <see cref="ColumnSample"/>s for <see cref="ColumnClassifier"/>.
/// </summary>
public static class ColumnSampler
{
    /// <summary>Reads up to <paramref name="maximumRows"/> records and returns one sample per column, in header order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumRows"/> is less than 1.</exception>
    /// <exception cref="DataFormatException">A sampled record is malformed.</exception>
    public static IReadOnlyList<ColumnSample> Read(IRecordReader reader, int maximumRows)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumRows, 1);

        List<string?>[] columns = new List<string?>[reader.FieldCount];
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i] = [];
        }

        for (int row = 0; row < maximumRows && reader.ReadNext(); row++)
        {
            for (int i = 0; i < columns.Length; i++)
            {
                columns[i].Add(reader.GetString(i));
            }
        }

        return reader.Header.Select((header, i) => new ColumnSample(header, columns[i])).ToArray();
    }
}
