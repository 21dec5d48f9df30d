namespace SyntheticData.Synthesis;

/// <summary>
/// Options that every synthesizer honours. Each property is checked when it is set, so an instance that
/// exists is valid. Family-specific settings go to the synthesizer's constructor.
/// </summary>
public sealed record SynthesisOptions
{
    private readonly IReadOnlyList<string> _sensitiveColumns = [];
    private readonly int _maxCategoriesPerColumn = 1000;

    /// <summary>The seed of every random draw made while fitting. The default is 0.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Columns to treat as identifiers or PII in addition to those typed <c>Identifier</c> or
    /// <c>FreeText</c>: they are never modelled.
    /// </summary>
    public IReadOnlyList<string> SensitiveColumns
    {
        get => _sensitiveColumns;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Any(string.IsNullOrEmpty))
            {
                throw new ArgumentException("Sensitive column names must not be null or empty.", nameof(SensitiveColumns));
            }

            _sensitiveColumns = value.ToArray();
        }
    }

    /// <summary>Whether identifier and PII columns are regenerated or dropped. The default is <see cref="IdentifierHandling.Regenerate"/>.</summary>
    public IdentifierHandling IdentifierHandling { get; init; } = IdentifierHandling.Regenerate;

    /// <summary>Whether synthetic numeric and datetime values are kept inside the training minimum and maximum. The default is true.</summary>
    public bool EnforceMinMax { get; init; } = true;

    /// <summary>
    /// The maximum number of distinct values a categorical column may have; a wider column is rejected
    /// with a <see cref="ColumnFitException"/> that suggests marking it sensitive. The default is 1,000.
    /// </summary>
    public int MaxCategoriesPerColumn
    {
        get => _maxCategoriesPerColumn;
        init => _maxCategoriesPerColumn = value >= 2
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxCategoriesPerColumn), value, "Must be at least 2.");
    }

    /// <summary>Returns true when <paramref name="columnName"/> is listed in <see cref="SensitiveColumns"/>.</summary>
    public bool IsMarkedSensitive(string columnName) => _sensitiveColumns.Contains(columnName, StringComparer.Ordinal);
}
