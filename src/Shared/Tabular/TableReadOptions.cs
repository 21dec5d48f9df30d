namespace SyntheticData.Tabular;

/// <summary>Settings for <see cref="TableReader"/>.</summary>
public sealed record TableReadOptions
{
    /// <summary>The default settings: read every row, detect every column.</summary>
    public static TableReadOptions Default { get; } = new();

    /// <summary>Settings used when the input is CSV.</summary>
    public CsvReadOptions Csv { get; init; } = CsvReadOptions.Default;

    /// <summary>The maximum number of data rows to read, or null to read them all.</summary>
    public int? MaxRows { get; init; }

    /// <summary>Detection thresholds and the caller's column declarations. Every row read is profiled, so <see cref="SchemaDetectionOptions.SampleRows"/> does not apply here.</summary>
    public SchemaDetectionOptions Detection { get; init; } = SchemaDetectionOptions.Default;

    /// <summary>Throws when any setting is invalid.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Csv);
        ArgumentNullException.ThrowIfNull(Detection);
        if (MaxRows is < 0)
        {
            throw new ArgumentException($"MaxRows must not be negative (got {MaxRows}).", nameof(MaxRows));
        }

        Csv.Validate();
        Detection.Validate();
    }
}
