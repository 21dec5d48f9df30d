using System.Text.Json;
using SyntheticData.Tabular;

namespace SyntheticData.Evaluation;

/// <summary>
/// The sdtype of every column that an evaluation compares, in metadata order; pairs are formed in this order.
/// </summary>
public sealed class EvaluationMetadata
{
    private readonly Dictionary<string, ColumnMetadata> _byName;

    public EvaluationMetadata(IReadOnlyList<ColumnMetadata> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _byName = new Dictionary<string, ColumnMetadata>(StringComparer.Ordinal);
        foreach (ColumnMetadata column in columns)
        {
            if (!_byName.TryAdd(column.Name, column))
            {
                throw new ArgumentException($"Column '{column.Name}' appears more than once in the metadata.", nameof(columns));
            }
        }

        Columns = columns;
    }

    /// <summary>Every column, including the identifier columns that metrics skip.</summary>
    public IReadOnlyList<ColumnMetadata> Columns { get; }

    /// <summary>The numerical, datetime, categorical and boolean columns, which the metrics score.</summary>
    public IReadOnlyList<ColumnMetadata> ModelableColumns => Columns.Where(c => c.SdType != SdType.Id).ToArray();

    /// <summary>Returns the metadata of the named column.</summary>
    /// <exception cref="KeyNotFoundException">The metadata has no column of that name.</exception>
    public ColumnMetadata this[string name] =>
        _byName.TryGetValue(name, out ColumnMetadata? column)
            ? column
            : throw new KeyNotFoundException($"Column '{name}' not found in the metadata.");

    /// <summary>Derives metadata from the column types that schema detection assigned to a table.</summary>
    public static EvaluationMetadata FromTable(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = new List<ColumnMetadata>(table.Columns.Count);
        foreach (Column column in table.Columns)
        {
            SdType sdType = column.Type switch
            {
                ColumnType.Integer or ColumnType.Decimal => SdType.Numerical,
                ColumnType.DateTime => SdType.Datetime,
                ColumnType.Categorical => SdType.Categorical,
                ColumnType.Boolean => SdType.Boolean,
                _ => SdType.Id,
            };
            columns.Add(new ColumnMetadata(column.Name, sdType));
        }

        return new EvaluationMetadata(columns);
    }

    /// <summary>Reads an SDMetrics single-table metadata file (<c>{"columns": {name: {"sdtype": ...}}}</c>).</summary>
    public static EvaluationMetadata Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (EvaluationException exception)
        {
            throw new EvaluationException($"Metadata file '{path}' is invalid: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// Parses SDMetrics metadata JSON: either the single-table form or a multi-table form holding exactly one table.
    /// Sdtypes other than numerical, datetime, categorical and boolean (id, text, email, ...) become <see cref="SdType.Id"/>.
    /// </summary>
    public static EvaluationMetadata Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new EvaluationException($"Metadata is not valid JSON (line {exception.LineNumber + 1}): {exception.Message}", exception);
        }

        using (document)
        {
            JsonElement table = document.RootElement;
            if (table.ValueKind == JsonValueKind.Object && table.TryGetProperty("tables", out JsonElement tables))
            {
                List<JsonProperty> entries = tables.ValueKind == JsonValueKind.Object ? tables.EnumerateObject().ToList() : [];
                if (entries.Count != 1)
                {
                    throw new EvaluationException($"Metadata 'tables' must contain exactly one table, but contains {entries.Count}; pass the single-table metadata of the evaluated table.");
                }

                table = entries[0].Value;
            }

            if (table.ValueKind != JsonValueKind.Object
                || !table.TryGetProperty("columns", out JsonElement columnsElement)
                || columnsElement.ValueKind != JsonValueKind.Object)
            {
                throw new EvaluationException("Metadata has no 'columns' object.");
            }

            var columns = new List<ColumnMetadata>();
            foreach (JsonProperty property in columnsElement.EnumerateObject())
            {
                columns.Add(ParseColumn(property));
            }

            return new EvaluationMetadata(columns);
        }
    }

    private static ColumnMetadata ParseColumn(JsonProperty property)
    {
        if (property.Value.ValueKind != JsonValueKind.Object
            || !property.Value.TryGetProperty("sdtype", out JsonElement sdTypeElement)
            || sdTypeElement.ValueKind != JsonValueKind.String)
        {
            throw new EvaluationException($"Metadata column '{property.Name}' has no 'sdtype' string.");
        }

        SdType sdType = sdTypeElement.GetString() switch
        {
            "numerical" => SdType.Numerical,
            "datetime" => SdType.Datetime,
            "categorical" => SdType.Categorical,
            "boolean" => SdType.Boolean,
            _ => SdType.Id,
        };
        string? format = property.Value.TryGetProperty("datetime_format", out JsonElement formatElement)
            && formatElement.ValueKind == JsonValueKind.String
                ? formatElement.GetString()
                : null;
        return new ColumnMetadata(property.Name, sdType, format);
    }
}
