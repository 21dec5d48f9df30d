namespace SyntheticData.Tabular;

/// <summary>The file formats that the record readers and writers handle.</summary>
public enum DataFormat
{
    /// <summary>Delimited text (CSV, TSV), optionally gzip-compressed.</summary>
    Csv,

    /// <summary>One JSON object per line, optionally gzip-compressed.</summary>
    JsonLines,

    /// <summary>Apache Parquet.</summary>
    Parquet,
}
