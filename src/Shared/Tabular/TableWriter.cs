using Parquet;
using Parquet.Schema;
using SyntheticData.Tabular.Internal;

namespace SyntheticData.Tabular;

/// <summary>
/// Writes a <see cref="Table"/> to CSV or Parquet through <see cref="AtomicFileWriter"/>, so a failed write
/// leaves no file. Integers are written without a decimal point and datetimes in their column's format. In
/// Parquet, integers are INT64, decimals DOUBLE, datetimes UTC timestamps, and other columns UTF-8
/// strings. Each column's type and datetime format are stored in the file's key-value metadata so that
/// <see cref="TableReader"/> restores them.
/// </summary>
public static class TableWriter
{
    /// <summary>Writes the table as CSV with a header row.</summary>
    public static void WriteCsv(Table table, string path, CsvWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var writer = new CsvRecordWriter(path, [.. table.Columns.Select(column => column.Name)], options);
        IReadOnlyList<Column> columns = table.Columns;
        for (int row = 0; row < table.RowCount; row++)
        {
            for (int i = 0; i < columns.Count; i++)
            {
                if (columns[i].FormatValue(row) is { } text)
                {
                    writer.WriteField(text);
                }
                else
                {
                    writer.WriteNull();
                }
            }

            writer.EndRecord();
        }

        writer.Commit();
    }

    /// <summary>Writes the table as Parquet, <paramref name="rowGroupSize"/> rows per row group.</summary>
    /// <exception cref="ArgumentException">A column name is empty, which Parquet does not allow.</exception>
    public static void WriteParquet(Table table, string path, int rowGroupSize = 65_536)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSize, 1);
        if (table.Columns.Any(column => column.Name.Length == 0))
        {
            throw new ArgumentException("Parquet needs a name for every column; rename the unnamed column first.", nameof(table));
        }

        DataField[] fields = [.. table.Columns.Select(CreateField)];
        using var file = new AtomicFileWriter(path);
        ParquetWriter writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), file.Stream).GetAwaiter().GetResult();
        try
        {
            writer.CustomMetadata = BuildMetadata(table);
            for (int start = 0; start < table.RowCount || (start == 0 && table.RowCount == 0); start += rowGroupSize)
            {
                int count = Math.Min(rowGroupSize, table.RowCount - start);
                using ParquetRowGroupWriter group = writer.CreateRowGroup();
                for (int i = 0; i < fields.Length; i++)
                {
                    WriteColumn(group, fields[i], table.Columns[i], start, count);
                }

                group.CompleteValidate();
                if (table.RowCount == 0)
                {
                    break;
                }
            }
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        file.Commit();
    }

    private static DataField CreateField(Column column) =>
        column switch
        {
            NumericColumn { IsInteger: true } => new DataField<long?>(column.Name),
            NumericColumn => new DataField<double?>(column.Name),
            DateTimeColumn => new DataField<DateTime?>(column.Name),
            _ => new DataField<string>(column.Name, true),
        };

    private static Dictionary<string, string> BuildMetadata(Table table)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Column column in table.Columns)
        {
            metadata[ParquetMetadataKeys.ColumnTypePrefix + column.Name] = column.Type.ToString();
            if (column is DateTimeColumn dateTime)
            {
                metadata[ParquetMetadataKeys.DateTimeFormatPrefix + column.Name] = dateTime.Format;
            }
        }

        return metadata;
    }

    private static void WriteColumn(ParquetRowGroupWriter group, DataField field, Column column, int start, int count)
    {
        switch (column)
        {
            case NumericColumn { IsInteger: true } numeric:
                long?[] integers = new long?[count];
                for (int i = 0; i < count; i++)
                {
                    double value = numeric.Values[start + i];
                    integers[i] = double.IsNaN(value) ? null : (long)Math.Round(value);
                }

                group.WriteAsync<long>(field, integers.AsMemory(), null).GetAwaiter().GetResult();
                break;
            case NumericColumn numeric:
                double?[] decimals = new double?[count];
                for (int i = 0; i < count; i++)
                {
                    double value = numeric.Values[start + i];
                    decimals[i] = double.IsNaN(value) ? null : value;
                }

                group.WriteAsync<double>(field, decimals.AsMemory(), null).GetAwaiter().GetResult();
                break;
            case DateTimeColumn dateTime:
                DateTime?[] timestamps = new DateTime?[count];
                for (int i = 0; i < count; i++)
                {
                    double seconds = dateTime.SecondsSinceEpoch[start + i];
                    timestamps[i] = double.IsNaN(seconds) ? null : DateTime.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
                }

                group.WriteAsync<DateTime>(field, timestamps.AsMemory(), null).GetAwaiter().GetResult();
                break;
            default:
                string?[] texts = new string?[count];
                for (int i = 0; i < count; i++)
                {
                    texts[i] = column.FormatValue(start + i);
                }

                group.WriteAsync(field, texts, null).GetAwaiter().GetResult();
                break;
        }
    }
}
