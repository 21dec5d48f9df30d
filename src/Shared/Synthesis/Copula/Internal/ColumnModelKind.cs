namespace SyntheticData.Synthesis.Copula.Internal;

/// <summary>The column model kinds stored in a payload.</summary>
internal enum ColumnModelKind : byte
{
    Numeric = 1,
    Categorical = 2,
    AllNull = 3,
    Identifier = 4,
}
