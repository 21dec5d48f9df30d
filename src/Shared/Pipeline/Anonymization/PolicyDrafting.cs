using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Policies;
using SyntheticData.Tabular;

namespace SyntheticData.Pipeline.Anonymization;

/// <summary>
/// Drafts a dataset policy from the first records of an extract: samples each column, classifies it
/// with the detectors and lets <see cref="PolicyDrafter"/> choose the operators.
/// </summary>
public static class PolicyDrafting
{
    /// <summary>The number of records sampled by default.</summary>
    public const int DefaultSampleRows = 5_000;

    /// <summary>Returns a draft policy for the extract at <paramref name="inputPath"/>.</summary>
    /// <exception cref="DataFormatException">The extract cannot be read.</exception>
    public static DatasetPolicy Draft(string inputPath, DatasetPolicy settings, int sampleRows = DefaultSampleRows)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputPath);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRows);
        IReadOnlyList<string> header;
        List<string?>[] values;
        using (IRecordReader reader = RecordReaderFactory.Open(inputPath, ExtractAnonymizer.ReadOptionsOf(settings)))
        {
            header = reader.Header;
            values = header.Select(_ => new List<string?>()).ToArray();
            while (values.Length > 0 && values[0].Count < sampleRows && reader.ReadNext())
            {
                for (int i = 0; i < header.Count; i++)
                {
                    values[i].Add(reader.GetString(i));
                }
            }
        }

        ColumnSample[] samples = header.Select((name, i) => new ColumnSample(name, values[i])).ToArray();
        var classifier = new ColumnClassifier(new DetectionOptions { DefaultRegion = settings.DefaultPhoneRegion ?? "US" });
        IReadOnlyList<ColumnClassification> classifications = classifier.ClassifyTable(samples);
        return PolicyDrafter.Draft(classifications, samples, settings);
    }
}
