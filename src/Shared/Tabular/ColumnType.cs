namespace SyntheticData.Tabular;

/// <summary>
/// The logical type that schema detection assigns to a column.
/// </summary>
public enum ColumnType
{
    /// <summary>Whole numbers.</summary>
    Integer,

    /// <summary>Numbers with a fractional part.</summary>
    Decimal,

    /// <summary>A small set of repeated labels.</summary>
    Categorical,

    /// <summary>Two values such as true/false, yes/no or 0/1.</summary>
    Boolean,

    /// <summary>Dates or timestamps; the column records the format found.</summary>
    DateTime,

    /// <summary>Values that are (nearly) unique per row: keys, account numbers, UUIDs.</summary>
    Identifier,

    /// <summary>Longer text that is neither a label nor an identifier.</summary>
    FreeText,
}
