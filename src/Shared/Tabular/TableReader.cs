using SyntheticData.Tabular.Internal;

namespace SyntheticData.Tabular;

/// <summary>
/// Loads a CSV, JSON Lines or Parquet file into a typed <see cref="Table"/>: every row is read as text,
/// each column's type is detected from all rows (or taken from a declaration, or from the types that
/// <see cref="TableWriter"/> stored in a Parquet file), and the text is converted. Values that do not parse
/// as their column's type become missing and are listed in <see cref="TableReadResult.InvalidCells"/>.
/// Memory grows with the table, so stream large files with <see cref="IRecordReader"/> instead.
/// </summary>
public static class TableReader
{
    /// <summary>Reads a file whose format is detected by <see cref="RecordReaderFactory"/>.</summary>
    /// <exception cref="DataFormatException">The file is malformed.</exception>
    public static TableReadResult Read(string path, TableReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= TableReadOptions.Default;
        options.Validate();
        using IRecordReader reader = RecordReaderFactory.Open(path, options.Csv);
        return Read(reader, options);
    }

    /// <summary>Reads the remaining records of an open reader.</summary>
    /// <exception cref="DataFormatException">A record is malformed.</exception>
    public static TableReadResult Read(IRecordReader reader, TableReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= TableReadOptions.Default;
        options.Validate();
        if (reader.Header.Any(string.IsNullOrEmpty) && reader.Header.Count(string.IsNullOrEmpty) > 1)
        {
            throw new DataFormatException(reader.SourceName, "more than one column has an empty header name", 1);
        }

        int fieldCount = reader.FieldCount;
        var columns = new List<string?>[fieldCount];
        for (int i = 0; i < fieldCount; i++)
        {
            columns[i] = [];
        }

        var lineNumbers = new List<long>();
        int maxRows = options.MaxRows ?? int.MaxValue;
        while (lineNumbers.Count < maxRows && reader.ReadNext())
        {
            for (int i = 0; i < fieldCount; i++)
            {
                columns[i].Add(reader.GetString(i));
            }

            lineNumbers.Add(reader.LineNumber);
        }

        SchemaDetectionOptions detection = WithStoredDeclarations(reader, options.Detection);
        var schemaColumns = new DetectedColumn[fieldCount];
        for (int i = 0; i < fieldCount; i++)
        {
            schemaColumns[i] = SchemaDetector.DetectColumn(reader.Header[i], columns[i], detection, i);
        }

        var schema = new DetectedSchema(schemaColumns, lineNumbers.Count);
        var invalid = new List<InvalidCell>();
        var built = new Column[fieldCount];
        for (int i = 0; i < fieldCount; i++)
        {
            built[i] = ColumnBuilder.Build(schemaColumns[i], columns[i], lineNumbers, invalid);
            columns[i] = [];
        }

        return new TableReadResult(new Table(built), schema, invalid);
    }

    /// <summary>Adds the column types and datetime formats stored in a Parquet file to the caller's declarations, which win.</summary>
    private static SchemaDetectionOptions WithStoredDeclarations(IRecordReader reader, SchemaDetectionOptions detection)
    {
        if (reader is not ParquetRecordReader parquet)
        {
            return detection;
        }

        var declarations = new Dictionary<string, ColumnDeclaration>(detection.Declarations, StringComparer.Ordinal);
        for (int i = 0; i < parquet.FieldCount; i++)
        {
            string name = parquet.Header[i];
            if (declarations.ContainsKey(name) || parquet.DeclaredTypes[name] is not { } type)
            {
                continue;
            }

            string? format = parquet.GetDeclaredDateTimeFormat(i);
            if (type == ColumnType.DateTime && format is null)
            {
                continue;
            }

            declarations[name] = new ColumnDeclaration(type, format is null ? null : [format]);
        }

        return detection with { Declarations = declarations };
    }
}
