using SyntheticData.Pipeline.Storage;
using SyntheticData.Tabular;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Loads stored CSV objects into typed tables, optionally with the column types of another table so that
/// training, holdout and synthetic parts are compared column for column.
/// </summary>
public static class TableObjects
{
    /// <summary>Downloads the object and reads it into a table.</summary>
    public static async Task<TableReadResult> ReadAsync(
        StepContext context,
        ObjectReference reference,
        DetectedSchema? typesFrom = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reference);
        string path = await context.Store.DownloadAsync(reference, context.ScratchPath(Path.GetFileName(reference.Key)), cancellationToken).ConfigureAwait(false);
        var options = TableReadOptions.Default;
        if (typesFrom is not null)
        {
            options = options with
            {
                Detection = options.Detection with { Declarations = DeclarationsOf(typesFrom) },
            };
        }

        return TableReader.Read(path, options);
    }

    /// <summary>Writes a table as CSV to the object store, atomically.</summary>
    public static async Task WriteAsync(StepContext context, Table table, ObjectReference destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(table);
        string path = context.ScratchPath(Path.GetFileName(destination.Key));
        TableWriter.WriteCsv(table, path);
        await context.Store.UploadAsync(path, destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the declarations that make another read type each column as <paramref name="schema"/> did.</summary>
    public static IReadOnlyDictionary<string, ColumnDeclaration> DeclarationsOf(DetectedSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema.Columns.ToDictionary(
            column => column.Name,
            column => new ColumnDeclaration(column.Type, column.DateTimeFormats.Count == 0 ? null : column.DateTimeFormats),
            StringComparer.Ordinal);
    }
}
