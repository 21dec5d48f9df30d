using SyntheticData.Tabular;

namespace SyntheticData.Synthesis;

/// <summary>
/// One column of the table a model was trained on, as recorded in its <see cref="ModelFile"/>.
/// </summary>
/// <param name="Name">The header name.</param>
/// <param name="Type">The logical type; the synthetic column has the same type.</param>
/// <param name="DateTimeFormat">The .NET date format of a <see cref="ColumnType.DateTime"/> column; null otherwise.</param>
public sealed record ColumnSchema(string Name, ColumnType Type, string? DateTimeFormat = null)
{
    /// <summary>Returns the schema of every column of <paramref name="table"/>, in order.</summary>
    public static IReadOnlyList<ColumnSchema> FromTable(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var schema = new ColumnSchema[table.Columns.Count];
        for (int i = 0; i < schema.Length; i++)
        {
            Column column = table.Columns[i];
            schema[i] = new ColumnSchema(column.Name, column.Type, (column as DateTimeColumn)?.Format);
        }

        return schema;
    }
}
