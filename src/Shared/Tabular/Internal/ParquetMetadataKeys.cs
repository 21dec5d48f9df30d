namespace SyntheticData.Tabular.Internal;

/// <summary>Keys of the Parquet file-level key-value metadata that this library writes and reads.</summary>
internal static class ParquetMetadataKeys
{
    /// <summary>Prefix of the key that stores a datetime column's source format. The column name follows it.</summary>
    public const string DateTimeFormatPrefix = "synthdata.datetime-format.";

    /// <summary>Prefix of the key that stores a column's <see cref="ColumnType"/>. The column name follows it.</summary>
    public const string ColumnTypePrefix = "synthdata.column-type.";
}
