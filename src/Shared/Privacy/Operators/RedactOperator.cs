using System.Text;
using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Detection.Internal;
using SyntheticData.Privacy.Internal.Unicode;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Operators;

/// <summary>
/// Replaces every span of personal data that a text scanner finds in free text, and every mention of a value that the
/// policy protects in another column of the same row (<see cref="LinkedColumn"/>), which the detectors cannot know
/// to be personal, such as a name. Overlapping spans are replaced as one, so no part of a match is left in clear.
/// </summary>
public sealed class RedactOperator : ColumnOperator
{
    /// <summary>
    /// The shortest value, and word of a name, that is looked for in the text: two characters, because surnames such as
    /// Li or Ng and short customer ids exist. Occurrences count only as whole words, and name words only capitalised.
    /// </summary>
    public const int MinimumLinkedLength = 2;

    private static readonly char[] WordSeparators = [' ', '-', '\'', '\u2019', '.', ',', '\t'];

    private readonly Func<string, string?, IReadOnlyList<PiiSpan>> _scan;
    private readonly HmacPseudonymizer _pseudonymizer;
    private readonly RedactReplacement _replacement;
    private readonly string? _defaultRegion;
    private IReadOnlyList<LinkedColumn> _linked = [];

    /// <summary>Creates a redact operator.</summary>
    /// <param name="scan">Returns the merged spans of validated findings in a text, for a phone region.</param>
    /// <param name="pseudonymizer">Used when the replacement is a pseudonym.</param>
    /// <param name="replacement">What replaces each span.</param>
    /// <param name="defaultRegion">
    /// The region that <paramref name="scan"/> reads phone numbers with when given none, as the policy's default region
    /// configures its scanner; null when unknown, and then each row with a region of its own is read both ways.
    /// </param>
    public RedactOperator(
        Func<string, string?, IReadOnlyList<PiiSpan>> scan,
        HmacPseudonymizer pseudonymizer,
        RedactReplacement replacement,
        string? defaultRegion = null)
    {
        ArgumentNullException.ThrowIfNull(scan);
        _scan = scan;
        _pseudonymizer = pseudonymizer;
        _replacement = replacement;
        _defaultRegion = defaultRegion;
    }

    public override OperatorKind Kind => OperatorKind.Redact;

    /// <summary>Sets the protected columns whose values in the same row are removed from the text as well.</summary>
    internal void Link(IReadOnlyList<LinkedColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _linked = columns;
    }

    public override bool TryApply(string value, RowContext row, out string output)
    {
        // A row's own region reads its national phone numbers, but the check of written cells and the rescan read every
        // cell with the policy's default region. Spans found either way are replaced, so a number that only the default
        // region reads as a phone does not fail the output after redaction. A row of the default region is read once.
        IReadOnlyList<PiiSpan> found = _scan(value, row.PhoneRegion);
        if (row.PhoneRegion is not null && row.PhoneRegion != _defaultRegion && _scan(value, null) is { Count: > 0 } byDefault)
        {
            found = [.. found, .. byDefault];
        }

        List<Mention>? mentions = _linked.Count == 0 ? null : FindLinked(value, row);
        if (found.Count == 0 && (mentions is null || mentions.Count == 0))
        {
            output = value;
            return true;
        }

        var spans = new List<Mention>(found.Count + (mentions?.Count ?? 0));
        if (mentions is not null)
        {
            spans.AddRange(mentions);
        }

        foreach (PiiSpan span in found)
        {
            spans.Add(new Mention(span.Start, span.End, KindLabel(span.Kind), ValueKindOf(span.Kind)));
        }

        // Of spans that start at one position, the one that ends last comes first, so a merged span keeps its label. The
        // sort is stable, so where a linked column's value and a finding cover the same text, the column names it.
        spans = [.. spans.OrderBy(span => span.Start).ThenByDescending(span => span.End)];
        var builder = new StringBuilder(value.Length);
        int position = 0;
        int index = 0;
        while (index < spans.Count)
        {
            Mention first = spans[index];
            int end = first.End;
            index++;

            // Overlapping spans are replaced as one, so no part of either is left in clear.
            while (index < spans.Count && spans[index].Start < end)
            {
                end = Math.Max(end, spans[index].End);
                index++;
            }

            builder.Append(value, position, first.Start - position);
            builder.Append(Replacement(first.Label, first.ValueKind, value.AsSpan(first.Start, end - first.Start), row));
            position = end;
        }

        builder.Append(value, position, value.Length - position);
        output = builder.ToString();
        return true;
    }

    // The text and the linked values are compared in their search form: a decomposed or missing accent, a full-width
    // letter, an ideographic space or ss for ß on one side still matches the usual form on the other. Mentions keep
    // offsets in the original text.
    private List<Mention> FindLinked(string original, RowContext row)
    {
        var mentions = new List<Mention>();
        string text = UnicodeNfkc.SearchForm(original, out int[]? starts, out int[]? ends);
        foreach (LinkedColumn column in _linked)
        {
            string? cell = column.InputIndex < row.Cells.Count ? row.Cells[column.InputIndex] : null;
            if (string.IsNullOrWhiteSpace(cell))
            {
                continue;
            }

            string whole = UnicodeNfkc.SearchForm(cell).Trim();
            AddLinkedValue(text, whole, column, mentions);
            if (column.Kind == ValueKind.Phone && PhoneSpellings(cell, row.PhoneRegion ?? _defaultRegion ?? "US") is { } numbers)
            {
                AddPhoneOccurrences(text, numbers, column.Label, mentions);
            }

            if (column.Dates is { } dates && dates.TryParse(cell.Trim(), out DateTimeOffset date) >= 0)
            {
                foreach (string spelling in DateSpellings(DateOnly.FromDateTime(date.DateTime)))
                {
                    AddOccurrences(text, spelling, column.Label, column.Kind, capitalisedOnly: false, mentions);
                }
            }

            // German spelling writes an umlaut as a following e where it is not at hand (Müller as Mueller).
            if (UmlautSpelling(cell) is { } spelled)
            {
                AddLinkedValue(text, UnicodeNfkc.SearchForm(spelled).Trim(), column, mentions);
            }
        }

        if (starts is not null && ends is not null)
        {
            for (int i = 0; i < mentions.Count; i++)
            {
                mentions[i] = mentions[i] with { Start = starts[mentions[i].Start], End = ends[mentions[i].End - 1] };
            }
        }

        return mentions;
    }

    // Titles before a name in English, German, French, Spanish, Italian, Portuguese and Dutch.
    private static readonly HashSet<string> Honorifics = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "herr", "frau", "mme", "mlle", "monsieur", "madame",
        "sr", "sra", "srta", "señor", "señora", "don", "doña", "sig", "sigra", "signor", "signora", "dhr", "mevr",
    };

    // How many particles of a surname may stand between a title and a name word.
    private const int MaximumParticles = 3;

    private static readonly HashSet<string> SurnameParticles = new(StringComparer.OrdinalIgnoreCase)
    {
        "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "des", "la", "le", "ten", "ter", "zu", "dos", "das",
    };

    // Layouts in which notes write a date: ISO, day or month first with '/', '.' or '-', two-digit years, and English month
    // names. Both orders are tried, since the note's writer need not follow the column's.
    private static readonly string[] DateLayouts =
    [
        "yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy", "M/d/yyyy", "MM/dd/yyyy", "d.M.yyyy", "dd.MM.yyyy", "d-M-yyyy", "dd-MM-yyyy",
        "M-d-yyyy", "MM-dd-yyyy", "d/M/yy", "dd/MM/yy", "M/d/yy", "MM/dd/yy", "d.M.yy", "dd.MM.yy", "d MMMM yyyy",
        "MMMM d, yyyy", "MMMM d yyyy", "d MMM yyyy", "MMM d, yyyy", "MMM d yyyy", "yyyy/MM/dd", "d-MMM-yyyy", "dd-MMM-yyyy",
        "d-MMM-yy", "dd-MMM-yy", "ddMMMyyyy", "d MMM yy",
    ];

    /// <summary>
    /// Returns the distinct spellings of a date in <see cref="DateLayouts"/>, and with the day as an English ordinal
    /// (<c>20th March 1964</c>, <c>March 20th, 1964</c>).
    /// </summary>
    private static IEnumerable<string> DateSpellings(DateOnly date)
    {
        System.Globalization.CultureInfo invariant = System.Globalization.CultureInfo.InvariantCulture;
        string ordinal = date.Day.ToString(invariant) + (date.Day is 11 or 12 or 13 ? "th" : (date.Day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
        string month = date.ToString("MMMM", invariant);
        string year = date.ToString("yyyy", invariant);
        return DateLayouts.Select(layout => date.ToString(layout, invariant))
            .Concat([$"{ordinal} {month} {year}", $"{ordinal} of {month} {year}", $"{month} {ordinal}, {year}", $"{month} {ordinal} {year}"])
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// Returns the digits in which a note may write the phone number of <paramref name="cell"/>: the national number
    /// alone, after the trunk prefix 0, and after the country code with or without 00, or null when the cell does not
    /// parse. A column of +1 312 448 2291 then matches 312-448-2291 and (312) 448 2291 in a note.
    /// </summary>
    private static string[]? PhoneSpellings(string cell, string region)
    {
        try
        {
            PhoneNumbers.PhoneNumberUtil util = PhoneNumbers.PhoneNumberUtil.GetInstance();
            PhoneNumbers.PhoneNumber number = util.Parse(cell, region);
            string national = util.GetNationalSignificantNumber(number);
            string code = number.CountryCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return national.Length < 6 ? null : [national, "0" + national, code + national, "00" + code + national];
        }
        catch (PhoneNumbers.NumberParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// Adds each run of phone characters (digits, spaces, '-', '.', '/', brackets and a leading '+') whose digits are one
    /// of <paramref name="numbers"/>, standing alone.
    /// </summary>
    private static void AddPhoneOccurrences(string text, string[] numbers, string label, List<Mention> mentions)
    {
        int longest = numbers.Max(number => number.Length);
        var digits = new StringBuilder(longest);
        for (int start = 0; start < text.Length; start++)
        {
            if (!(char.IsAsciiDigit(text[start]) || text[start] is '+' or '(') || (start > 0 && char.IsLetterOrDigit(text[start - 1])))
            {
                continue;
            }

            digits.Clear();
            int matchEnd = -1;
            for (int i = start; i < text.Length && digits.Length < longest; i++)
            {
                char c = text[i];
                if (char.IsAsciiDigit(c))
                {
                    digits.Append(c);
                    bool alone = i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1]);
                    if (alone && numbers.Contains(digits.ToString(), StringComparer.Ordinal))
                    {
                        matchEnd = i + 1;
                    }
                }
                else if (c is not (' ' or '-' or '.' or '/' or '(' or ')' or '+'))
                {
                    break;
                }
            }

            if (matchEnd > 0)
            {
                mentions.Add(new Mention(text[start] == '(' && !text.AsSpan(start, matchEnd - start).Contains(')') ? start + 1 : start, matchEnd, label, ValueKind.Phone));
                start = matchEnd - 1;
            }
        }
    }

    /// <summary>Returns the value with ä, ö and ü written ae, oe and ue, or null when it has none of them.</summary>
    private static string? UmlautSpelling(string value)
    {
        string composed = UnicodeNfkc.Normalize(value);
        if (composed.AsSpan().IndexOfAny("äöüÄÖÜ") < 0)
        {
            return null;
        }

        return composed.Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal).Replace("ü", "ue", StringComparison.Ordinal)
            .Replace("Ä", "Ae", StringComparison.Ordinal).Replace("Ö", "Oe", StringComparison.Ordinal).Replace("Ü", "Ue", StringComparison.Ordinal);
    }

    // Adds the mentions of one search form of a linked value: the whole value, its compact form for identifiers, and the
    // words of a name.
    private static void AddLinkedValue(string text, string whole, LinkedColumn column, List<Mention> mentions)
    {
        ValueKind kind = column.Kind;
        if (whole.Length >= MinimumLinkedLength)
        {
            AddOccurrences(text, whole, column.Label, kind, capitalisedOnly: false, mentions);
        }

        if (kind is ValueKind.Identifier or ValueKind.Iban or ValueKind.Card)
        {
            AddCompactOccurrences(text, whole, column.Label, kind, mentions);
        }

        if (!column.MatchesWords)
        {
            return;
        }

        foreach (string word in whole.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length >= MinimumLinkedLength && char.IsUpper(word[0]) && word.All(char.IsLetter))
            {
                AddOccurrences(text, word, column.Label, kind, capitalisedOnly: true, mentions);
            }
        }

        // A name with an apostrophe, typed or typographic (O'Brien, D’Angelo), also goes whole, or its one-letter start
        // would stay in clear.
        foreach (string word in whole.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.AsSpan().ContainsAny('\'', '\u2019') && char.IsUpper(word[0]) && word.All(c => char.IsLetter(c) || c is '\'' or '\u2019' or '-'))
            {
                AddOccurrences(text, word.Trim(['\'', '\u2019']), column.Label, kind, capitalisedOnly: true, mentions);
            }
        }
    }

    // Adds each whole-word occurrence of value in text, ignoring case. With capitalisedOnly, an occurrence must start
    // with a capital letter, so the surname Green does not remove the colour green.
    private static void AddOccurrences(string text, string value, string label, ValueKind kind, bool capitalisedOnly, List<Mention> mentions)
    {
        int from = 0;
        while (from <= text.Length - value.Length)
        {
            int at = text.IndexOf(value, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return;
            }

            int end = at + value.Length;
            bool wholeWord = (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]));
            if (wholeWord && (!capitalisedOnly || char.IsUpper(text[at]) || FollowsHonorific(text, at)))
            {
                mentions.Add(new Mention(at, end, label, kind));
            }

            from = at + 1;
        }
    }

    /// <summary>
    /// Returns true for digits with one dot or comma among them, such as the amount 123.45, which the compact form of the
    /// id 12345 would otherwise match.
    /// </summary>
    private static bool IsDecimalNumber(ReadOnlySpan<char> text)
    {
        int separator = text.IndexOfAny('.', ',');
        return separator > 0 && separator < text.Length - 1
            && TextBoundary.AreAsciiDigits(text[..separator]) && TextBoundary.AreAsciiDigits(text[(separator + 1)..]);
    }

    /// <summary>
    /// Returns true when the word at <paramref name="at"/> follows a title such as <c>mr</c>, <c>mrs.</c> or <c>frau</c>,
    /// so a name word typed in lower case (<c>mr hargrove</c>) is a name, not the ordinary word it may also be.
    /// </summary>
    private static bool FollowsHonorific(string text, int at)
    {
        // Particles of a surname may stand between the title and the word: mrs van der berg, herr von weber.
        int wordStart = at;
        for (int words = 0; words <= MaximumParticles; words++)
        {
            int end = wordStart;
            while (end > 0 && text[end - 1] == ' ')
            {
                end--;
            }

            if (end == wordStart || end == 0)
            {
                return false;
            }

            if (text[end - 1] == '.')
            {
                end--;
            }

            int start = end;
            while (start > 0 && char.IsLetter(text[start - 1]))
            {
                start--;
            }

            if (start > 0 && char.IsLetterOrDigit(text[start - 1]))
            {
                return false;
            }

            string previous = text[start..end];
            if (Honorifics.Contains(previous))
            {
                return true;
            }

            if (!SurnameParticles.Contains(previous))
            {
                return false;
            }

            wordStart = start;
        }

        return false;
    }

    /// <summary>
    /// Adds each whole-word occurrence of the letters and digits of <paramref name="value"/> in text, ignoring case and one
    /// separator ('-', '_', '.', '/' or a space) between any two of them, as the identifier, IBAN and card kinds
    /// normalise their values: for the id CUST-00017, CUST00017 and cust 000 17 are mentions too. Values of fewer than
    /// four letters and digits, or without a digit, are left to the whole-value search.
    /// </summary>
    private static void AddCompactOccurrences(string text, string value, string label, ValueKind kind, List<Mention> mentions)
    {
        string compact = string.Concat(value.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant));
        if (compact.Length < 4 || !compact.Any(char.IsDigit))
        {
            return;
        }

        for (int start = 0; start < text.Length; start++)
        {
            if (!char.IsLetterOrDigit(text[start]) || (start > 0 && char.IsLetterOrDigit(text[start - 1])))
            {
                continue;
            }

            int position = start;
            int matched = 0;
            while (matched < compact.Length && position < text.Length)
            {
                char c = text[position];
                if (char.IsLetterOrDigit(c))
                {
                    if (char.ToUpperInvariant(c) != compact[matched])
                    {
                        break;
                    }

                    matched++;
                    position++;
                }
                else if (matched > 0 && c is '-' or '_' or '.' or '/' or ' ' && position + 1 < text.Length && char.IsLetterOrDigit(text[position + 1]))
                {
                    position++;
                }
                else
                {
                    break;
                }
            }

            if (matched == compact.Length && (position == text.Length || !char.IsLetterOrDigit(text[position]))
                && !IsDecimalNumber(text.AsSpan(start, position - start)))
            {
                mentions.Add(new Mention(start, position, label, kind));
            }
        }
    }

    private string Replacement(string label, ValueKind valueKind, ReadOnlySpan<char> span, RowContext row)
    {
        if (_replacement == RedactReplacement.Kind)
        {
            return "[" + label + "]";
        }

        string normalized = ValueNormalizer.Normalize(span.ToString(), valueKind, row.PhoneRegion);
        return "[" + label + ":" + _pseudonymizer.Pseudonymize(normalized, PseudonymOperator.DefaultLength) + "]";
    }

    private static ValueKind ValueKindOf(PiiKind kind) => kind switch
    {
        PiiKind.Email => ValueKind.Email,
        PiiKind.Phone => ValueKind.Phone,
        PiiKind.CardNumber => ValueKind.Card,
        PiiKind.Iban => ValueKind.Iban,
        PiiKind.PersonName => ValueKind.Name,
        PiiKind.Ssn or PiiKind.AccountNumber or PiiKind.Identifier => ValueKind.Identifier,
        _ => ValueKind.Generic,
    };

    private static string KindLabel(PiiKind kind)
    {
        // SCREAMING_SNAKE_CASE of the enum name: CardNumber becomes CARD_NUMBER.
        string name = kind.ToString();
        var label = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                label.Append('_');
            }

            label.Append(char.ToUpperInvariant(name[i]));
        }

        return label.ToString();
    }

    private readonly record struct Mention(int Start, int End, string Label, ValueKind ValueKind);
}
