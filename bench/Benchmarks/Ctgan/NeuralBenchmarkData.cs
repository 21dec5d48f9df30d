using SyntheticData.Synthesis;
using SyntheticData.Synthesis.Ctgan;
using SyntheticData.Synthesis.Tvae;
using SyntheticData.Tabular;

namespace SyntheticData.Benchmarks.Ctgan;

/// <summary>Row selection and synthesizer construction shared by the CTGAN and TVAE scenarios.</summary>
internal static class NeuralBenchmarkData
{
    /// <summary>Creates a CTGAN or TVAE synthesizer with default settings except the epoch count.</summary>
    public static ISynthesizer Create(string kind, int epochs) => kind switch
    {
        "ctgan" => new CtganSynthesizer(new CtganOptions { Epochs = epochs }),
        "tvae" => new TvaeSynthesizer(new TvaeOptions { Epochs = epochs }),
        _ => throw new ArgumentException($"Unknown synthesizer '{kind}'; expected ctgan or tvae."),
    };

    /// <summary>Returns the given rows of a table, in order.</summary>
    public static Table Rows(Table table, IReadOnlyList<int> rows)
    {
        var columns = new List<Column>();
        foreach (Column column in table.Columns)
        {
            columns.Add(column switch
            {
                NumericColumn numeric => new NumericColumn(column.Name, rows.Select(r => numeric.Values[r]).ToArray(), numeric.IsInteger),
                CategoricalColumn categorical => new CategoricalColumn(column.Name, rows.Select(r => categorical.Codes[r]).ToArray(), categorical.Categories, column.Type == ColumnType.Boolean),
                DateTimeColumn dates => new DateTimeColumn(column.Name, rows.Select(r => dates.SecondsSinceEpoch[r]).ToArray(), dates.Format),
                TextColumn text => new TextColumn(column.Name, rows.Select(r => text.Values[r]).ToArray(), column.Type),
                _ => throw new NotSupportedException($"Column class {column.GetType().Name} is not supported."),
            });
        }

        return new Table(columns);
    }

    /// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>, which posts to the thread pool.</summary>
    public sealed class ImmediateProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
