using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Policies;
using SyntheticData.Tabular;

namespace SyntheticData.Cli.Anonymization;

/// <summary>
/// Runs <c>policy init</c>: samples the first records of an extract, classifies each column with the
/// detectors and drafts a policy with <see cref="PolicyDrafter"/>.
/// </summary>
internal static class PolicyDraftBuilder
{
    /// <summary>Returns a draft policy for the extract at <paramref name="inputPath"/>.</summary>
    /// <exception cref="DataFormatException">The extract cannot be read.</exception>
    public static DatasetPolicy Draft(string inputPath, int sampleRows, DatasetPolicy settings)
    {
        CsvReadOptions readOptions = new()
        {
            Separator = settings.Separator,
            NullMarkers = settings.NullMarkers,
            EncodingName = settings.Encoding,
        };

        IReadOnlyList<string> header;
        List<string?>[] values;
        using (IRecordReader reader = RecordReaderFactory.Open(inputPath, readOptions))
        {
            header = reader.Header;
            values = header.Select(_ => new List<string?>()).ToArray();
            while (values[0].Count < sampleRows && reader.ReadNext())
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
