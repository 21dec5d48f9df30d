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

    /// <summary>The phone region of a draft when the settings name none and the data does not show one.</summary>
    public const string FallbackPhoneRegion = "US";

    /// <summary>Returns the separator a draft takes when none is given: a tab for a .tsv file (also gzip), else a comma.</summary>
    public static char DefaultSeparator(string path) =>
        path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tsv.gz", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';

    /// <summary>
    /// Returns a draft policy for the extract at <paramref name="inputPath"/>. When <paramref name="settings"/> names no
    /// default phone region, the draft takes the region of most phone numbers written with a country prefix in the phone
    /// columns, or <see cref="FallbackPhoneRegion"/> when there are too few of them or no majority. Its comment names the
    /// region and the reason.
    /// </summary>
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
            HeaderCheck.ThrowIfDataRecord(header, inputPath, ExtractAnonymizer.ScannerOf(settings));
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
        string region;
        string? regionNote = null;
        IReadOnlyList<ColumnClassification> classifications;
        if (settings.DefaultPhoneRegion is null)
        {
            (region, regionNote, classifications) = ClassifyWithInferredRegion(samples);
        }
        else
        {
            region = settings.DefaultPhoneRegion;
            classifications = Classify(samples, region);
        }

        // Without phone numbers that show the country, the language of the headers decides how dates such as 03/04/1985
        // are read (fecha_nacimiento: day first).
        string? dateRegion = settings.DefaultPhoneRegion is null && region == FallbackPhoneRegion
            ? NationalNumbers.RegionOfHeaders(header)
            : null;
        DatasetPolicy draft = PolicyDrafter.Draft(classifications, samples, settings with { DefaultPhoneRegion = region }, dateRegion);
        return regionNote is null ? draft : draft with { Comment = draft.Comment is null ? regionNote : draft.Comment + " " + regionNote };
    }

    /// <summary>
    /// Classifies the sampled columns with the phone region that their values show, as a draft without a region does,
    /// and returns the region with a note that names where it came from, or null when nothing called for a region.
    /// </summary>
    public static (string Region, string? Note, IReadOnlyList<ColumnClassification> Columns) ClassifyWithInferredRegion(IReadOnlyList<ColumnSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ColumnSample[] columns = [.. samples];
        IReadOnlyList<ColumnClassification> classifications = Classify(columns, FallbackPhoneRegion);
        (string region, string? note) = InferRegion(columns, classifications);

        // Which values are valid national numbers depends on the region, so the columns are classified again.
        return (region, note, region == FallbackPhoneRegion ? classifications : Classify(columns, region));
    }

    private static IReadOnlyList<ColumnClassification> Classify(ColumnSample[] samples, string region) =>
        new ColumnClassifier(new DetectionOptions { DefaultRegion = region }).ClassifyTable(samples);

    // Counts the sampled cells of the columns in which a phone number without '+' or 00 is found when read with the region.
    private static int CountNationalPhones(ColumnSample[] samples, string[] columns, string region)
    {
        var scanner = new TextScanner(new DetectionOptions { DefaultRegion = region });
        int cells = 0;
        foreach (ColumnSample sample in samples.Where(sample => columns.Contains(sample.Header, StringComparer.Ordinal)))
        {
            foreach (string? value in sample.Values)
            {
                if (value is not null && scanner.FindAll(value).Any(finding => finding.Kind == PiiKind.Phone && finding.IsValidated
                    && value.AsSpan(finding.Start).TrimStart('(') is var number && !number.StartsWith("+") && !number.StartsWith("00")))
                {
                    cells++;
                }
            }
        }

        return cells;
    }

    // The minimum number of digits for a value to count as a number in national format rather than a word or a code.
    private const int MinimumNationalDigits = 6;

    /// <summary>
    /// Returns the region under which most sampled values of <paramref name="headers"/> are phone numbers in national
    /// format (<see cref="NationalNumbers.Count"/>), when that is more than half of them and more than US reads, or null.
    /// On a tie the language of the headers decides, then the order of <see cref="NationalNumbers.Candidates"/>.
    /// </summary>
    private static (string Region, int Valid, int Total)? InferFromNationalNumbers(ColumnSample[] samples, string[] headers)
    {
        string[] values = [.. samples.Where(sample => headers.Contains(sample.Header, StringComparer.Ordinal))
            .SelectMany(sample => sample.Values).OfType<string>().Where(value => !string.IsNullOrWhiteSpace(value)).Take(200)];

        // Each region's rules take tens of milliseconds to build, so values that are mostly not numbers, such as the
        // pseudonyms of an anonymized extract, are not tried at all, and neither are columns that US reads.
        int numeric = values.Count(value => value.Count(char.IsAsciiDigit) >= MinimumNationalDigits);
        if (values.Length < RegionCodes.MinimumPrefixedNumbers || numeric * 2 <= values.Length)
        {
            return null;
        }

        int fallback = NationalNumbers.Count(values, FallbackPhoneRegion);
        if (fallback * 2 > values.Length)
        {
            return null;
        }

        string? language = NationalNumbers.RegionOfHeaders(samples.Select(sample => sample.Header));
        (string Region, int Valid) best = (FallbackPhoneRegion, fallback);
        foreach (string region in NationalNumbers.Candidates.Where(region => region != FallbackPhoneRegion))
        {
            int valid = NationalNumbers.Count(values, region);
            if (valid > best.Valid || (valid == best.Valid && valid > 0 && region == language))
            {
                best = (region, valid);
            }
        }

        return best.Region != FallbackPhoneRegion && best.Valid * 2 > values.Length ? (best.Region, best.Valid, values.Length) : null;
    }

    private static (string Region, string? Note) InferRegion(ColumnSample[] samples, IReadOnlyList<ColumnClassification> classifications)
    {
        // A column whose header names phone numbers but whose values are not valid US numbers may hold another country's
        // national-format numbers (020 7946 0958), which only the right region reads.
        string[] phoneColumns = [.. classifications
            .Where(column => column.Kind == PiiKind.Phone || column.UnconfirmedHint == PiiKind.Phone || NationalNumbers.IsPhoneHeader(column.Header))
            .Select(column => column.Header)];
        bool needsRegion = phoneColumns.Length > 0 || classifications.Any(column => column.IsFreeText);
        if (!needsRegion)
        {
            return (FallbackPhoneRegion, null);
        }

        IEnumerable<string?> candidates = phoneColumns.SelectMany(header => samples.First(sample => sample.Header == header).Values);
        (string? region, int count, int total) = RegionCodes.InferFromPrefixedNumbers(candidates);
        if (region is not null)
        {
            // The region only decides how numbers without a prefix are read. Where the fallback reads more of the sampled
            // national-format numbers, as for US numbers in notes beside a column of +44 fax numbers, it wins.
            string[] textColumns = [.. classifications.Where(column => column.Kind == PiiKind.Phone || column.IsFreeText).Select(column => column.Header)];
            int inferredNational = CountNationalPhones(samples, textColumns, region);
            int fallbackNational = CountNationalPhones(samples, textColumns, FallbackPhoneRegion);
            if (fallbackNational > inferredNational)
            {
                return (FallbackPhoneRegion, $"defaultPhoneRegion is {FallbackPhoneRegion}: most of the {total} sampled phone numbers with a country prefix are {region} numbers, but {FallbackPhoneRegion} reads {fallbackNational} sampled cells of national-format numbers against {inferredNational} for {region}. If that is wrong, set it, or pass --region to policy init.");
            }

            return (region, $"defaultPhoneRegion {region} comes from {count} of the {total} sampled phone numbers written with a country prefix; national-format numbers are read as {region} numbers.");
        }

        if (InferFromNationalNumbers(samples, phoneColumns) is { } national)
        {
            return (national.Region, $"defaultPhoneRegion {national.Region} comes from the phone column values, {national.Valid} of {national.Total} of which read as {national.Region} numbers written without a country prefix.");
        }

        // Without phone columns that show the country, the headers' language may: a German extract's notes write German
        // numbers, which US does not read.
        string[] freeText = [.. classifications.Where(column => column.IsFreeText).Select(column => column.Header)];
        if (NationalNumbers.RegionOfHeaders(samples.Select(sample => sample.Header)) is { } language && language != FallbackPhoneRegion && freeText.Length > 0)
        {
            int inLanguage = CountNationalPhones(samples, freeText, language);
            int inFallback = CountNationalPhones(samples, freeText, FallbackPhoneRegion);
            if (inLanguage > inFallback)
            {
                return (language, $"defaultPhoneRegion {language} comes from the headers' language: {inLanguage} sampled cells of free text hold national-format {language} numbers, against {inFallback} {FallbackPhoneRegion} ones.");
            }
        }

        string reason = total < RegionCodes.MinimumPrefixedNumbers
            ? "too few sampled phone numbers have a country prefix to tell"
            : $"no country has more than half of the {total} sampled phone numbers written with a country prefix";
        return (FallbackPhoneRegion, $"defaultPhoneRegion is {FallbackPhoneRegion} because {reason}. If national-format numbers (in phone columns or free text) are from another country, set it, or pass --region to policy init.");
    }
}
