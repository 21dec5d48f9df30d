using SyntheticData.Tabular.Internal;

namespace SyntheticData.Tabular;

/// <summary>
/// Assigns each column a <see cref="ColumnType"/> from a sample of records. Values are trimmed of blanks
/// for typing but kept as they are in the data. The first rule that fits decides:
/// <list type="number">
/// <item>A declared column keeps its declaration.</item>
/// <item>A column whose values are all missing is categorical.</item>
/// <item>Boolean words (true/false, yes/no, y/n, t/f, 0/1) make a boolean.</item>
/// <item>Datetime formats that parse at least <see cref="SchemaDetectionOptions.DateTimeMinShare"/> of the values make
/// a datetime. All-integer columns qualify only when every value parses and all have the same number of digits, as
/// with <c>yyyyMMdd</c>.</item>
/// <item>Whole numbers of up to 15 digits without leading zeros make an integer. With at most two distinct values
/// the column is categorical instead, and unique consecutive values (a row index) make an identifier.</item>
/// <item>Other numbers make a decimal.</item>
/// <item>Digit strings longer than 15 digits (card or account numbers) make an identifier.</item>
/// <item>Nearly unique values without blanks make an identifier.</item>
/// <item>Long text, or mostly unique text with blanks, is free text.</item>
/// <item>The rest is categorical up to <see cref="SchemaDetectionOptions.CategoricalMaxDistinct"/> distinct values.</item>
/// </list>
/// </summary>
public static class SchemaDetector
{
    /// <summary>The minimum number of unique consecutive integers that counts as a row index.</summary>
    private const int MinRowIndexLength = 20;

    /// <summary>Reads up to <see cref="SchemaDetectionOptions.SampleRows"/> records from the reader's current position and detects the schema.</summary>
    /// <exception cref="DataFormatException">A sampled record is malformed.</exception>
    public static DetectedSchema Detect(IRecordReader reader, SchemaDetectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= SchemaDetectionOptions.Default;
        options.Validate();
        var profilers = CreateProfilers(reader.FieldCount);
        int rows = 0;
        while (rows < options.SampleRows && reader.ReadNext())
        {
            for (int i = 0; i < profilers.Length; i++)
            {
                profilers[i].Add(reader.GetString(i));
            }

            rows++;
        }

        return Build(reader.Header, profilers, rows, options);
    }

    /// <summary>Detects the schema of records given as rows of fields (null = missing), in header order.</summary>
    /// <exception cref="ArgumentException">A row does not have one field per header column.</exception>
    public static DetectedSchema Detect(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, SchemaDetectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        options ??= SchemaDetectionOptions.Default;
        options.Validate();
        var profilers = CreateProfilers(header.Count);
        int count = 0;
        foreach (IReadOnlyList<string?> row in rows)
        {
            if (row.Count != header.Count)
            {
                throw new ArgumentException($"Row {count + 1} has {row.Count} fields but the header has {header.Count}.", nameof(rows));
            }

            for (int i = 0; i < profilers.Length; i++)
            {
                profilers[i].Add(row[i]);
            }

            count++;
        }

        return Build(header, profilers, count, options);
    }

    /// <summary>Detects the type of one column from its values (null = missing).</summary>
    public static DetectedColumn DetectColumn(string name, IEnumerable<string?> values, SchemaDetectionOptions? options = null, int index = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        options ??= SchemaDetectionOptions.Default;
        options.Validate();
        var profiler = new ColumnProfiler();
        foreach (string? value in values)
        {
            profiler.Add(value);
        }

        return Classify(name, index, profiler, options);
    }

    private static ColumnProfiler[] CreateProfilers(int count) => [.. Enumerable.Range(0, count).Select(_ => new ColumnProfiler())];

    private static DetectedSchema Build(IReadOnlyList<string> header, ColumnProfiler[] profilers, int rows, SchemaDetectionOptions options)
    {
        var columns = new DetectedColumn[header.Count];
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i] = Classify(header[i], i, profilers[i], options);
        }

        return new DetectedSchema(columns, rows);
    }

    private static DetectedColumn Classify(string name, int index, ColumnProfiler profile, SchemaDetectionOptions options)
    {
        DetectedColumn column = Describe(name, index, profile);
        if (options.Declarations.TryGetValue(name, out ColumnDeclaration? declaration))
        {
            return column with
            {
                Type = declaration.Type,
                DateTimeFormats = declaration.DateTimeFormats ?? [],
                IsDeclared = true,
                Reason = "declared by the caller",
            };
        }

        (ColumnType type, IReadOnlyList<string> formats, string reason) = Choose(profile, options);
        return column with { Type = type, DateTimeFormats = formats, Reason = reason };
    }

    private static (ColumnType Type, IReadOnlyList<string> Formats, string Reason) Choose(ColumnProfiler profile, SchemaDetectionOptions options)
    {
        int present = profile.PresentCount;
        if (present == 0)
        {
            return (ColumnType.Categorical, [], "every value is missing");
        }

        if (profile.IsBooleanPair())
        {
            return (ColumnType.Boolean, [], "every value is one of a pair of boolean words or 0/1");
        }

        bool allIntegers = profile.IntegerCount == present;
        IReadOnlyList<string> formats = ChooseDateTimeFormats(profile, options, out int covered);
        bool fixedWidthIntegers = profile.IntegerDigitsMin == profile.IntegerDigitsMax && profile.IntegerDigitsMin >= 8;
        if (formats.Count > 0 && (!allIntegers ? covered >= options.DateTimeMinShare * present : covered == present && fixedWidthIntegers))
        {
            return (ColumnType.DateTime, formats, $"{covered} of {present} values parse with {formats.Count} datetime format(s)");
        }

        if (allIntegers)
        {
            if (profile.DistinctCount <= 2)
            {
                return (ColumnType.Categorical, [], "whole numbers with at most two distinct values");
            }

            bool unique = !profile.DistinctOverflow && profile.DistinctCount == present && profile.NullCount == 0;
            if (unique && present >= MinRowIndexLength && profile.IntegerMax - profile.IntegerMin + 1 == present)
            {
                return (ColumnType.Identifier, [], "unique consecutive whole numbers, as in a row index or sequence key");
            }

            return (ColumnType.Integer, [], "every value is a whole number of at most 15 digits");
        }

        if (profile.DecimalCount == present)
        {
            return (ColumnType.Decimal, [], "every value is a decimal number");
        }

        if (profile.LongDigitStringCount > 0 && profile.DigitOnlyCount >= present * 0.9)
        {
            return (ColumnType.Identifier, [], "digit strings too long to be exact numbers, such as card or account numbers");
        }

        double distinctShare = (double)profile.DistinctCount / present;
        double whitespaceShare = (double)profile.WhitespaceCount / present;
        double meanLength = (double)profile.TotalLength / present;
        if (distinctShare >= options.IdentifierMinDistinctShare && present >= 2 && whitespaceShare <= 0.1 && meanLength < options.FreeTextMinMeanLength)
        {
            return (ColumnType.Identifier, [], "nearly every value is distinct and has no blanks");
        }

        if (meanLength >= options.FreeTextMinMeanLength || (whitespaceShare >= 0.5 && distinctShare > 0.5))
        {
            return (ColumnType.FreeText, [], "long or blank-separated text with mostly distinct values");
        }

        if (!profile.DistinctOverflow && profile.DistinctCount <= options.CategoricalMaxDistinct)
        {
            return (ColumnType.Categorical, [], $"{profile.DistinctCount} distinct values repeat across rows");
        }

        return whitespaceShare >= 0.5
            ? (ColumnType.FreeText, [], "too many distinct values for a category, with blanks inside")
            : (ColumnType.Identifier, [], "too many distinct values for a category, without blanks");
    }

    /// <summary>Picks formats greedily: each step adds the format that parses the most values not yet parsed.</summary>
    private static IReadOnlyList<string> ChooseDateTimeFormats(ColumnProfiler profile, SchemaDetectionOptions options, out int covered)
    {
        covered = 0;
        IReadOnlyList<ulong> matches = profile.DateTimeMatches;
        if (matches.Count < options.DateTimeMinShare * profile.PresentCount)
        {
            return [];
        }

        IReadOnlyList<string> candidates = DateTimeFormats.Candidates;
        var chosen = new List<string>();
        bool[] done = new bool[matches.Count];
        while (true)
        {
            int best = -1;
            int bestCount = 0;
            for (int format = 0; format < candidates.Count; format++)
            {
                int count = 0;
                for (int i = 0; i < matches.Count; i++)
                {
                    if (!done[i] && (matches[i] & (1UL << format)) != 0)
                    {
                        count++;
                    }
                }

                if (count > bestCount)
                {
                    best = format;
                    bestCount = count;
                }
            }

            if (best < 0)
            {
                return chosen;
            }

            chosen.Add(candidates[best]);
            covered += bestCount;
            for (int i = 0; i < matches.Count; i++)
            {
                done[i] |= (matches[i] & (1UL << best)) != 0;
            }
        }
    }

    private static DetectedColumn Describe(string name, int index, ColumnProfiler profile)
    {
        int present = profile.PresentCount;
        return new DetectedColumn
        {
            Name = name,
            Index = index,
            Type = ColumnType.Categorical,
            RowCount = profile.RowCount,
            NullCount = profile.NullCount,
            DistinctCount = profile.DistinctCount,
            DistinctCountIsExact = !profile.DistinctOverflow,
            MinLength = present == 0 ? 0 : profile.MinLength,
            MaxLength = profile.MaxLength,
            MeanLength = present == 0 ? 0 : (double)profile.TotalLength / present,
            WhitespaceShare = present == 0 ? 0 : (double)profile.WhitespaceCount / present,
            DigitOnlyShare = present == 0 ? 0 : (double)profile.DigitOnlyCount / present,
            PaddedShare = present == 0 ? 0 : (double)profile.PaddedCount / present,
        };
    }
}
