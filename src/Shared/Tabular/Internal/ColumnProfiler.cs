using System.Globalization;

namespace SyntheticData.Tabular.Internal;

/// <summary>
/// Accumulates what detection needs to know about one column, value by value: counts, shapes, which
/// numeric, boolean and datetime readings fit. Values are trimmed for typing, but distinct values are
/// compared by their original text.
/// </summary>
internal sealed class ColumnProfiler
{
    /// <summary>The maximum number of distinct values tracked. Beyond it the count is a lower bound.</summary>
    private const int DistinctTrackingLimit = 100_000;

    /// <summary>More digits than this do not fit a double exactly, so such numbers are not numeric.</summary>
    private const int MaxExactDigits = 15;

    private static readonly string[][] BooleanPairs =
    [
        ["false", "true"],
        ["no", "yes"],
        ["n", "y"],
        ["f", "t"],
        ["0", "1"],
    ];

    private readonly HashSet<string> _distinct = new(StringComparer.Ordinal);
    private readonly HashSet<string> _distinctLowerTrimmed = new(StringComparer.Ordinal);
    private readonly List<ulong> _dateTimeMatches = [];
    private readonly int[] _dateTimeCounts = new int[DateTimeFormats.Candidates.Count];
    private int _dateLikeCount;

    public int RowCount { get; private set; }

    public int NullCount { get; private set; }

    public int PresentCount => RowCount - NullCount;

    public bool DistinctOverflow { get; private set; }

    public int DistinctCount => _distinct.Count;

    public int IntegerCount { get; private set; }

    public int DecimalCount { get; private set; }

    public int IntegerDigitsMin { get; private set; } = int.MaxValue;

    public int IntegerDigitsMax { get; private set; }

    public long IntegerMin { get; private set; } = long.MaxValue;

    public long IntegerMax { get; private set; } = long.MinValue;

    public int LongDigitStringCount { get; private set; }

    public int WhitespaceCount { get; private set; }

    public int DigitOnlyCount { get; private set; }

    public int PaddedCount { get; private set; }

    public int MinLength { get; private set; } = int.MaxValue;

    public int MaxLength { get; private set; }

    public long TotalLength { get; private set; }

    public IReadOnlyList<ulong> DateTimeMatches => _dateTimeMatches;

    public IReadOnlyList<int> DateTimeCounts => _dateTimeCounts;

    public void Add(string? value)
    {
        RowCount++;
        if (value is null)
        {
            NullCount++;
            return;
        }

        if (!DistinctOverflow)
        {
            _distinct.Add(value);
            DistinctOverflow = _distinct.Count >= DistinctTrackingLimit;
        }

        ReadOnlySpan<char> trimmed = value.AsSpan().Trim();
        if (trimmed.Length != value.Length)
        {
            PaddedCount++;
        }

        MinLength = Math.Min(MinLength, trimmed.Length);
        MaxLength = Math.Max(MaxLength, trimmed.Length);
        TotalLength += trimmed.Length;
        if (trimmed.IndexOfAny(' ', '\t') >= 0)
        {
            WhitespaceCount++;
        }

        bool digitsOnly = !trimmed.IsEmpty && !trimmed.ContainsAnyExceptInRange('0', '9');
        if (digitsOnly)
        {
            DigitOnlyCount++;
            if (trimmed.Length > MaxExactDigits)
            {
                LongDigitStringCount++;
            }
        }

        if (_distinctLowerTrimmed.Count <= 2)
        {
            _distinctLowerTrimmed.Add(trimmed.ToString().ToLowerInvariant());
        }

        ProfileNumber(trimmed);
        ProfileDateTime(trimmed);
    }

    /// <summary>Returns true when every present value is one of a known pair of boolean words.</summary>
    public bool IsBooleanPair()
    {
        if (PresentCount == 0 || _distinctLowerTrimmed.Count is 0 or > 2)
        {
            return false;
        }

        return BooleanPairs.Any(pair => _distinctLowerTrimmed.All(value => pair.Contains(value, StringComparer.Ordinal)));
    }

    private void ProfileNumber(ReadOnlySpan<char> trimmed)
    {
        if (trimmed.IsEmpty)
        {
            return;
        }

        ReadOnlySpan<char> digits = trimmed[0] is '-' or '+' ? trimmed[1..] : trimmed;
        bool integerShaped = !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
        if (integerShaped)
        {
            bool leadingZero = digits.Length > 1 && digits[0] == '0';
            if (!leadingZero && digits.Length <= MaxExactDigits && long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
            {
                IntegerCount++;
                DecimalCount++;
                IntegerDigitsMin = Math.Min(IntegerDigitsMin, digits.Length);
                IntegerDigitsMax = Math.Max(IntegerDigitsMax, digits.Length);
                IntegerMin = Math.Min(IntegerMin, integer);
                IntegerMax = Math.Max(IntegerMax, integer);
            }

            return;
        }

        if (trimmed.ContainsAnyExcept("0123456789+-.eE") || trimmed.IndexOfAnyInRange('0', '9') < 0)
        {
            return;
        }

        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number))
        {
            DecimalCount++;
        }
    }

    private void ProfileDateTime(ReadOnlySpan<char> trimmed)
    {
        if (trimmed.Length is < 6 or > 40 || !char.IsAsciiDigit(trimmed[0]) && !char.IsAsciiDigit(trimmed[^1]))
        {
            return;
        }

        IReadOnlyList<string> candidates = DateTimeFormats.Candidates;
        _dateLikeCount++;
        ulong mask = 0;
        for (int i = 0; i < candidates.Count; i++)
        {
            // After a warm-up, skip formats that never matched, which keeps detection linear in practice.
            if (_dateLikeCount >= 100 && _dateTimeCounts[i] == 0)
            {
                continue;
            }

            if (DateTimeFormats.TryParseExact(trimmed, candidates[i], out _))
            {
                mask |= 1UL << i;
                _dateTimeCounts[i]++;
            }
        }

        if (mask != 0)
        {
            _dateTimeMatches.Add(mask);
        }
    }
}
