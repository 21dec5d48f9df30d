namespace SyntheticData.Tabular;

/// <summary>
/// The type and profile of one column as found by <see cref="SchemaDetector"/>. The profile contains counts
/// and shapes only, never values, so it can be logged and put in reports.
/// </summary>
public sealed record DetectedColumn
{
    /// <summary>The header name.</summary>
    public required string Name { get; init; }

    /// <summary>The 0-based position in the header.</summary>
    public required int Index { get; init; }

    /// <summary>The detected or declared logical type.</summary>
    public required ColumnType Type { get; init; }

    /// <summary>For datetime columns, the .NET formats that parse the values, most common first. Empty for other types.</summary>
    public IReadOnlyList<string> DateTimeFormats { get; init; } = [];

    /// <summary>True when the caller declared the type instead of detection choosing it.</summary>
    public bool IsDeclared { get; init; }

    /// <summary>True for integer columns (values are whole numbers of at most 15 digits, so doubles hold them exactly).</summary>
    public bool IsInteger => Type == ColumnType.Integer;

    /// <summary>The number of records examined.</summary>
    public int RowCount { get; init; }

    /// <summary>The number of missing values among them.</summary>
    public int NullCount { get; init; }

    /// <summary>The share of missing values, from 0 to 1.</summary>
    public double NullShare => RowCount == 0 ? 0 : (double)NullCount / RowCount;

    /// <summary>The number of distinct present values, compared by their original text. It is a lower bound when <see cref="DistinctCountIsExact"/> is false.</summary>
    public int DistinctCount { get; init; }

    /// <summary>False when the column had more distinct values than detection tracks.</summary>
    public bool DistinctCountIsExact { get; init; } = true;

    /// <summary>The shortest present value, in UTF-16 characters after trimming blanks.</summary>
    public int MinLength { get; init; }

    /// <summary>The longest present value, in UTF-16 characters after trimming blanks.</summary>
    public int MaxLength { get; init; }

    /// <summary>The mean length of present values after trimming blanks.</summary>
    public double MeanLength { get; init; }

    /// <summary>The share of present values that contain a blank inside them.</summary>
    public double WhitespaceShare { get; init; }

    /// <summary>The share of present values that consist of digits only.</summary>
    public double DigitOnlyShare { get; init; }

    /// <summary>The share of present values with leading or trailing blanks, which are kept in the data but ignored for typing.</summary>
    public double PaddedShare { get; init; }

    /// <summary>Why detection chose the type, in one sentence without values.</summary>
    public string Reason { get; init; } = string.Empty;
}
