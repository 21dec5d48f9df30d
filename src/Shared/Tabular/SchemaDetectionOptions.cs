namespace SyntheticData.Tabular;

/// <summary>Thresholds for <see cref="SchemaDetector"/>. The defaults suit extracts of a few thousand rows and more.</summary>
public sealed record SchemaDetectionOptions
{
    /// <summary>The default settings.</summary>
    public static SchemaDetectionOptions Default { get; } = new();

    /// <summary>The number of records read from a reader for detection. Default 10,000.</summary>
    public int SampleRows { get; init; } = 10_000;

    /// <summary>The most distinct values a text column may have to be categorical. Default 1,000.</summary>
    public int CategoricalMaxDistinct { get; init; } = 1_000;

    /// <summary>The share of distinct values (of present values) from which a text column without blanks is an identifier. Default 0.95.</summary>
    public double IdentifierMinDistinctShare { get; init; } = 0.95;

    /// <summary>The share of present values that the detected datetime formats must parse. Default 0.95.</summary>
    public double DateTimeMinShare { get; init; } = 0.95;

    /// <summary>The mean length from which a text column is free text. Default 40 characters.</summary>
    public int FreeTextMinMeanLength { get; init; } = 40;

    /// <summary>Types stated by the caller per column name, which detection takes as given.</summary>
    public IReadOnlyDictionary<string, ColumnDeclaration> Declarations { get; init; } = new Dictionary<string, ColumnDeclaration>(StringComparer.Ordinal);

    /// <summary>Throws when any setting is invalid, listing every invalid setting in one message.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (SampleRows < 1)
        {
            problems.Add($"SampleRows must be at least 1 (got {SampleRows}).");
        }

        if (CategoricalMaxDistinct < 1)
        {
            problems.Add($"CategoricalMaxDistinct must be at least 1 (got {CategoricalMaxDistinct}).");
        }

        if (IdentifierMinDistinctShare is <= 0 or > 1)
        {
            problems.Add($"IdentifierMinDistinctShare must be in (0, 1] (got {IdentifierMinDistinctShare}).");
        }

        if (DateTimeMinShare is <= 0 or > 1)
        {
            problems.Add($"DateTimeMinShare must be in (0, 1] (got {DateTimeMinShare}).");
        }

        if (FreeTextMinMeanLength < 1)
        {
            problems.Add($"FreeTextMinMeanLength must be at least 1 (got {FreeTextMinMeanLength}).");
        }

        if (Declarations is null)
        {
            problems.Add("Declarations must not be null.");
        }
        else
        {
            foreach ((string name, ColumnDeclaration declaration) in Declarations)
            {
                if (declaration.Type == ColumnType.DateTime && (declaration.DateTimeFormats is null || declaration.DateTimeFormats.Count == 0))
                {
                    problems.Add($"The declaration of datetime column '{name}' must list at least one format.");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid schema detection options: " + string.Join(" ", problems), nameof(SchemaDetectionOptions));
        }
    }
}
