using SyntheticData.Synthesis.Ctgan;
using SyntheticData.Synthesis.Transformers;
using SyntheticData.Synthesis.Tvae;
using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Tests.Ctgan;

/// <summary>Builds small, fast CTGAN and TVAE synthesizers and reads inline CSV through the real table reader.</summary>
internal static class NeuralSynthesizers
{
    public const string Ctgan = "ctgan";
    public const string Tvae = "tvae";

    /// <summary>Returns a synthesizer with a small batch, so a tiny table trains in a second or two.</summary>
    public static IConditionalSynthesizer Create(string kind, int epochs, int batchSize = 50) => kind switch
    {
        Ctgan => new CtganSynthesizer(new CtganOptions { Epochs = epochs, BatchSize = batchSize, MaxDegreeOfParallelism = 1 }),
        Tvae => new TvaeSynthesizer(new TvaeOptions { Epochs = epochs, BatchSize = batchSize, MaxDegreeOfParallelism = 1 }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown synthesizer."),
    };

    /// <summary>Fits a new synthesizer of <paramref name="kind"/> on <paramref name="table"/> with seed 1.</summary>
    public static IConditionalSynthesizer Fit(string kind, Table table, int epochs, int batchSize = 50, SynthesisOptions? options = null)
    {
        IConditionalSynthesizer synthesizer = Create(kind, epochs, batchSize);
        synthesizer.Fit(table, options ?? new SynthesisOptions { Seed = 1 });
        return synthesizer;
    }

    /// <summary>Writes <paramref name="csv"/> to a temporary file and reads it with <see cref="TableReader"/>.</summary>
    public static Table ReadCsv(string csv, IReadOnlyDictionary<string, ColumnDeclaration>? declarations = null)
    {
        string path = Path.Combine(Path.GetTempPath(), $"synthesis-case-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, csv.ReplaceLineEndings("\n"));
        try
        {
            var options = new TableReadOptions
            {
                Detection = new SchemaDetectionOptions
                {
                    Declarations = declarations ?? new Dictionary<string, ColumnDeclaration>(StringComparer.Ordinal),
                },
            };
            return TableReader.Read(path, options).Table;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Returns the share of missing cells in a column.</summary>
    public static double NullShare(Column column) =>
        (double)Enumerable.Range(0, column.Length).Count(column.IsNull) / column.Length;
}
