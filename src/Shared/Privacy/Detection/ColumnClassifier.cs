using System.Globalization;
using SyntheticData.Privacy.Detection.Internal;
using SyntheticData.Privacy.Internal.Unicode;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Decides which kind of personal data a column contains from three pieces of evidence. The first is what its
/// header suggests, in several languages and scripts. The second is the share of sampled values that pass the
/// kind's checks, and the third is the column's profile (numeric type, constant length, UUID or barcode shape).
/// Values that validate decide on their own. Kinds without a checksum (names, addresses, birth dates,
/// identifiers, quasi-identifiers) need a header hint as well, so product titles and city names are not
/// taken for people.
/// </summary>
public sealed class ColumnClassifier
{
    // Distinct values a column needs before a header hint that its values did not confirm still counts.
    private const int MinimumUnconfirmedDistinct = 10;

    // The fewest sampled values, and repeated cards, that the security-code shape is judged on.
    private const int MinimumSecurityCodes = 20;

    // The youngest age at which the classifier reads an unlabelled date column as dates of birth.
    private const int MinimumBirthDateAge = 14;

    private static readonly PiiKind[] ValidatedKinds =
        [PiiKind.TrackData, PiiKind.CardNumber, PiiKind.Iban, PiiKind.Ssn, PiiKind.Email, PiiKind.IpAddress, PiiKind.Phone];

    private readonly DetectionOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly TextScanner _scanner;
    private readonly PhoneDetector _phone;
    private readonly Dictionary<PiiKind, IDetector> _detectors;
    private readonly NationalIdDetector _nationalId = new();

    /// <summary>Creates a classifier.</summary>
    /// <param name="options">Detection settings; null for the defaults.</param>
    /// <param name="timeProvider">The clock that bounds plausible birth dates; null for the system clock.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ColumnClassifier(DetectionOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new DetectionOptions();
        _options.Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _scanner = new TextScanner(_options);
        _phone = new PhoneDetector(_options.DefaultRegion);
        _detectors = new Dictionary<PiiKind, IDetector>
        {
            [PiiKind.TrackData] = new TrackDataDetector(),
            [PiiKind.CardNumber] = new CardNumberDetector(_options.ExcludedCardPrefixes),
            [PiiKind.Iban] = new IbanDetector(),
            [PiiKind.Ssn] = new SsnDetector(),
            [PiiKind.Email] = new EmailDetector(),
            [PiiKind.IpAddress] = new IpAddressDetector(),
            [PiiKind.Phone] = _phone,
        };
    }

    /// <summary>Classifies every column of a sampled table; a country column, if any, sets each row's phone region.</summary>
    public IReadOnlyList<ColumnClassification> ClassifyTable(IReadOnlyList<ColumnSample> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ColumnSample? regionColumn = FindRegionColumn(columns);
        ColumnClassification[] result = [.. columns.Select(column => Classify(column, regionColumn))];
        int[] emails = [.. Enumerable.Range(0, result.Length).Where(i => result[i].Kind == PiiKind.Email)];
        for (int i = 0; i < result.Length && emails.Length > 0; i++)
        {
            if (result[i].Kind == PiiKind.None && !result[i].IsFreeText && HeaderHints.Match(columns[i].Header) is null
                && !HeaderHints.NamesSomethingElse(columns[i].Header))
            {
                result[i] = ClassifyByEmailNames(columns[i], emails.Select(e => columns[e]).ToArray()) ?? result[i];
            }
        }

        int[] cards = [.. Enumerable.Range(0, result.Length).Where(i => result[i].Kind == PiiKind.CardNumber)];
        for (int i = 0; i < result.Length && cards.Length > 0; i++)
        {
            if (result[i].Kind == PiiKind.None && HeaderHints.Match(columns[i].Header) is null)
            {
                result[i] = ClassifyBySecurityCodeShape(columns[i], columns[cards[0]]) ?? result[i];
            }
        }

        return result;
    }

    /// <summary>
    /// Classifies a column without a header hint as card security codes when the table has a card number column and the
    /// column's values are codes of three digits (four for some issuers) written with their leading zeros. Where cards
    /// repeat, each card must keep one code, so per-transaction codes (merchant category codes, authorisation codes) are
    /// left alone. PCI DSS forbids keeping security codes after authorisation, so a false finding costs a column, a miss
    /// much more.
    /// </summary>
    private static ColumnClassification? ClassifyBySecurityCodeShape(ColumnSample column, ColumnSample card)
    {
        int present = 0, threeDigits = 0, fourDigits = 0, leadingZeros = 0;
        var codeOfCard = new Dictionary<string, string>(StringComparer.Ordinal);
        int repeatedCards = 0, sameCode = 0;
        for (int row = 0; row < column.Values.Count; row++)
        {
            if (column.Values[row] is not { } raw || string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            string value = raw.Trim();
            present++;
            if (value.Length is < 3 or > 4 || value.AsSpan().ContainsAnyExceptInRange('0', '9'))
            {
                continue;
            }

            threeDigits += value.Length == 3 ? 1 : 0;
            fourDigits += value.Length == 4 ? 1 : 0;
            leadingZeros += value[0] == '0' ? 1 : 0;
            if (row < card.Values.Count && card.Values[row] is { } number && !string.IsNullOrWhiteSpace(number))
            {
                if (codeOfCard.TryGetValue(number, out string? code))
                {
                    repeatedCards++;
                    sameCode += code == value ? 1 : 0;
                }
                else
                {
                    codeOfCard[number] = value;
                }
            }
        }

        bool codes = present >= MinimumSecurityCodes
            && threeDigits + fourDigits >= 0.95 * present
            && threeDigits >= 0.5 * present
            && leadingZeros >= 0.02 * present;
        bool perCard = repeatedCards < MinimumSecurityCodes || sameCode >= 0.95 * repeatedCards;
        if (!codes || !perCard)
        {
            return null;
        }

        string repeated = repeatedCards >= MinimumSecurityCodes
            ? $", and each of the {repeatedCards} repeated card numbers in column '{card.Header}' keeps one code"
            : $", beside card numbers in column '{card.Header}'";
        string reason = $"No header hint, but {Percent((double)(threeDigits + fourDigits) / present)} of {present} values are codes of 3 or 4 digits "
            + $"written with leading zeros{repeated}, as card security codes are. Review: PCI DSS forbids keeping them, so the draft drops the column.";
        return Found(column.Header, PiiKind.CardSecurityCode, 0.6, (double)(threeDigits + fourDigits) / present, present, reason, regionHeader: null);
    }

    /// <summary>
    /// Classifies a column without a header hint as names when its words appear in the same row's e-mail address in at
    /// least half of the sampled rows, as first and last names do in addresses such as <c>jane.doe@example.com</c>. Single
    /// names in columns of their own (first, last) have no shape that distinguishes them from cities or categories.
    /// </summary>
    private static ColumnClassification? ClassifyByEmailNames(ColumnSample column, ColumnSample[] emails)
    {
        HashSet<string> distinct = new(StringComparer.Ordinal);
        int present = 0;
        int[] matches = new int[emails.Length];
        for (int row = 0; row < column.Values.Count; row++)
        {
            if (column.Values[row] is not { } value || string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            present++;
            distinct.Add(value);
            for (int e = 0; e < emails.Length; e++)
            {
                matches[e] += row < emails[e].Values.Count && NameInEmail(value, emails[e].Values[row]) ? 1 : 0;
            }
        }

        int best = matches.Length == 0 ? 0 : matches.Max();
        if (present == 0 || distinct.Count < MinimumUnconfirmedDistinct || best < 0.5 * present)
        {
            return null;
        }

        double share = (double)best / present;
        string email = emails[Array.IndexOf(matches, best)].Header;
        string reason = $"No header hint, but in {Percent(share)} of {present} sampled rows the value's words appear in the same row's "
            + $"e-mail address (column '{email}'), as names do ({distinct.Count} distinct).";
        return Found(column.Header, PiiKind.PersonName, 0.6, share, present, reason, regionHeader: null);
    }

    /// <summary>
    /// True when <paramref name="value"/> is shaped like a name and each of its words of three letters or more occurs in
    /// the local part of <paramref name="email"/>, ignoring case.
    /// </summary>
    private static bool NameInEmail(string value, string? email)
    {
        int at = email?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (at <= 0 || !ValueShapes.IsPersonNameLike(value))
        {
            return false;
        }

        ReadOnlySpan<char> local = email.AsSpan(0, at);
        int words = 0;
        foreach (string word in value.Split([' ', '-', '\'', '.'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length < 3)
            {
                continue;
            }

            // E-mail addresses write names in ASCII: without accents (Jose), or transliterated (Juergen, Bjoern).
            if (!local.Contains(word, StringComparison.OrdinalIgnoreCase)
                && !local.Contains(UnicodeNfkc.SearchForm(word), StringComparison.OrdinalIgnoreCase)
                && !local.Contains(Transliterate(word), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            words++;
        }

        return words > 0;
    }

    /// <summary>Writes the letters that German and Nordic e-mail addresses spell out in their ASCII forms (ü as ue, ø as oe).</summary>
    private static string Transliterate(string word)
    {
        var builder = new System.Text.StringBuilder(word.Length + 4);
        foreach (char c in UnicodeNfkc.Normalize(word))
        {
            builder.Append(char.ToLowerInvariant(c) switch
            {
                'ä' or 'æ' => "ae",
                'ö' or 'ø' or 'œ' => "oe",
                'ü' => "ue",
                'å' => "aa",
                'ß' => "ss",
                _ => c.ToString(),
            });
        }

        return UnicodeNfkc.SearchForm(builder.ToString());
    }

    /// <summary>
    /// Returns the column whose values can set each row's phone region: a header that names a country or region
    /// and at least 80% of non-missing values that are supported ISO 3166-1 alpha-2 codes. Null when none qualifies.
    /// </summary>
    public static ColumnSample? FindRegionColumn(IReadOnlyList<ColumnSample> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        foreach (ColumnSample column in columns)
        {
            if (!HeaderHints.IsCountryHeader(column.Header))
            {
                continue;
            }

            int present = 0, codes = 0;
            foreach (string? value in column.Values)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }

                present++;
                codes += RegionCodes.Normalize(value) is null ? 0 : 1;
            }

            if (present > 0 && codes >= 0.8 * present)
            {
                return column;
            }
        }

        return null;
    }

    /// <summary>Classifies one column.</summary>
    /// <param name="column">The column's header and sampled cells.</param>
    /// <param name="regionColumn">A column of the same rows whose values give each row's phone region; null for the default region.</param>
    public ColumnClassification Classify(ColumnSample column, ColumnSample? regionColumn = null)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (regionColumn is not null && regionColumn.Values.Count != column.Values.Count)
        {
            throw new ArgumentException(
                $"Region column '{regionColumn.Header}' has {regionColumn.Values.Count} sampled rows but column '{column.Header}' has {column.Values.Count}.",
                nameof(regionColumn));
        }

        List<string> values = [];
        List<string?> regions = [];
        for (int row = 0; row < column.Values.Count; row++)
        {
            string? value = column.Values[row];
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            values.Add(value.Trim());
            regions.Add(regionColumn is null ? null : RegionCodes.Normalize(regionColumn.Values[row]));
        }

        string header = column.Header;
        HeaderHint? hint = HeaderHints.Match(header);
        if (values.Count == 0)
        {
            return ClassifyEmpty(header, hint);
        }

        ColumnProfile profile = ColumnProfile.Of(values);
        Dictionary<PiiKind, ValidatedEvidence> evidence = CollectEvidence(values, regions);
        string? regionHeader = regionColumn?.Header;

        ColumnClassification? result = ClassifyByHintedCheck(header, hint, evidence, regionHeader, values, regions)
            ?? ClassifyByValues(header, profile, evidence, regionHeader)
            ?? ClassifyByNationalIds(header, values)
            ?? ClassifyByHintedShape(header, hint, values, profile)
            ?? ClassifyByFullNameShape(header, hint, values, profile)
            ?? ClassifyByStreetShape(header, hint, values, profile)
            ?? ClassifyByBirthDateSpread(header, hint, values, profile);
        return result ?? ClassifyUnmatched(header, hint, values, profile, evidence, regions, regionHeader);
    }

    /// <summary>
    /// Classifies a column without a header hint whose values are mostly distinct full names: two to four words, each a
    /// capital followed by small letters, or all capitals, in any script, with at least ten distinct values. Product
    /// columns carry a header such as product or merchant and are left alone, and most city names are one word. Names in scripts without letter case
    /// (Chinese, Japanese) need a header hint.
    /// </summary>
    private static ColumnClassification? ClassifyByFullNameShape(string header, HeaderHint? hint, List<string> values, ColumnProfile profile)
    {
        if (!MayBeUnhintedPersonalText(header, hint, profile))
        {
            return null;
        }

        double share = Share(values, ValueShapes.IsCapitalisedFullName);
        if (share < 0.8)
        {
            return null;
        }

        string reason = $"No header hint, but {Percent(share)} of {values.Count} values are two to four capitalised words with no digits, "
            + $"shaped like full names ({profile.DistinctCount} distinct). Review: a column of place or product names would look the same.";
        return Found(header, PiiKind.PersonName, 0.6, share, values.Count, reason, regionHeader: null);
    }

    /// <summary>
    /// Classifies a column without a header hint whose values are mostly distinct street lines: a house number with a
    /// street name and a street type (<c>351 Darlene Green</c>, <c>Hauptstraße 12</c>, <c>5 rue de Rivoli</c>), at least
    /// ten distinct values. A header that names something else (merchant, store) leaves the column alone.
    /// </summary>
    private static ColumnClassification? ClassifyByStreetShape(string header, HeaderHint? hint, List<string> values, ColumnProfile profile)
    {
        if (!MayBeUnhintedPersonalText(header, hint, profile))
        {
            return null;
        }

        double share = Share(values, StreetLines.IsStreetLine);
        if (share < 0.8)
        {
            return null;
        }

        string reason = $"No header hint, but {Percent(share)} of {values.Count} values are a house number with a street name and type, "
            + $"shaped like street addresses ({profile.DistinctCount} distinct). Review: a column of business addresses would look the same.";
        return Found(header, PiiKind.PostalAddress, 0.6, share, values.Count, reason, regionHeader: null);
    }

    /// <summary>
    /// Classifies a column without a header hint as dates of birth: at least 90% of its values are dates without a time of
    /// day between 1900 and fourteen years before today, spread over twenty years or more. Transaction and booking dates
    /// are recent or carry a time, so they fall outside this.
    /// </summary>
    private ColumnClassification? ClassifyByBirthDateSpread(string header, HeaderHint? hint, List<string> values, ColumnProfile profile)
    {
        // Dates written as yyyyMMdd read as numbers; they are judged as dates all the same.
        bool compactDates = values.All(value => value.Length == 8 && !value.AsSpan().ContainsAnyExceptInRange('0', '9'));
        if (!MayBeUnhintedPersonalText(header, hint, profile, numbersToo: compactDates))
        {
            return null;
        }

        DateOnly today = DateOnly.FromDateTime(_timeProvider.GetUtcNow().UtcDateTime);
        DateOnly latest = today.AddYears(-MinimumBirthDateAge);
        int dates = 0;
        DateOnly first = DateOnly.MaxValue, last = DateOnly.MinValue;
        foreach (string value in values)
        {
            // A time of day marks an event, not a birth.
            if (value.Contains(':') || !ValueShapes.TryParseDate(value, out DateOnly date) || date.Year < 1900 || date > latest)
            {
                continue;
            }

            dates++;
            first = date < first ? date : first;
            last = date > last ? date : last;
        }

        double share = (double)dates / values.Count;
        int spanYears = dates == 0 ? 0 : last.Year - first.Year;
        if (share < 0.9 || spanYears < 20)
        {
            return null;
        }

        string reason = $"No header hint, but {Percent(share)} of {values.Count} values are dates without a time between 1900 and "
            + $"{MinimumBirthDateAge} years ago, spread over {spanYears} years, as dates of birth are. "
            + "Review: other dates in the past, such as account openings, would look the same.";
        return Found(header, PiiKind.DateOfBirth, 0.6, share, values.Count, reason, regionHeader: null);
    }

    /// <summary>
    /// True when a column may hold personal text that only its values reveal: no header hint, no header that names
    /// something else, and mostly text. It also needs at least ten distinct values, and a distinct share of a tenth or
    /// more suffices because customers repeat over their transactions.
    /// </summary>
    private static bool MayBeUnhintedPersonalText(string header, HeaderHint? hint, ColumnProfile profile, bool numbersToo = false) =>
        hint is null
        && profile.DistinctCount >= MinimumUnconfirmedDistinct
        && profile.DistinctRatio >= 0.1
        && (numbersToo || profile.NumericShare < 0.5)
        && !HeaderHints.NamesSomethingElse(header);

    /// <summary>
    /// Classifies a column whose sampled cells are all missing. A header that names a direct identifier still
    /// decides, so that a policy fails closed when the first rows happen to be empty.
    /// </summary>
    private static ColumnClassification ClassifyEmpty(string header, HeaderHint? hint)
    {
        if (hint is { } h && h.Kind.IsDirectIdentifier())
        {
            return Found(header, h.Kind, 0.5, 0, 0, $"{DescribeHint(header, h)}; the sample has no values to check.", regionHeader: null);
        }

        return None(header, 0, 0.5, "The sample has no non-missing values.");
    }

    private Dictionary<PiiKind, ValidatedEvidence> CollectEvidence(List<string> values, List<string?> regions)
    {
        Dictionary<PiiKind, ValidatedEvidence> evidence = [];
        string[] folded = [.. values.Select(TextFolding.Fold)];
        foreach (PiiKind kind in ValidatedKinds)
        {
            int valid = 0, failed = 0;
            for (int i = 0; i < folded.Length; i++)
            {
                ValueCheck check = kind == PiiKind.Phone
                    ? _phone.Validate(folded[i], regions[i])
                    : _detectors[kind].Validate(folded[i]);
                valid += check == ValueCheck.Valid ? 1 : 0;
                failed += check == ValueCheck.FailedCheck ? 1 : 0;
            }

            evidence[kind] = new ValidatedEvidence(kind, valid, failed, values.Count);
        }

        return evidence;
    }

    /// <summary>A header that names a validated kind needs only half of the values to have the kind's shape.</summary>
    private ColumnClassification? ClassifyByHintedCheck(
        string header, HeaderHint? hint, Dictionary<PiiKind, ValidatedEvidence> evidence, string? regionHeader, List<string> values, List<string?> regions)
    {
        if (hint is not { } h || !evidence.TryGetValue(h.Kind, out ValidatedEvidence? found) || found.ShapeShare < _options.MinimumHintedShare)
        {
            return null;
        }

        // A note that mentions the kind ("refund to DE89... asap" under note_iban) is free text for redact, not a column of
        // values for the kind's operator, which would turn the whole note into a token.
        if (found.ValidShare < 0.5 && Share(values, regions, (value, region) => IsMentionInText(value, region, h.Kind)) >= 0.5)
        {
            return null;
        }

        string reason = $"{DescribeHint(header, h)}; {Percent(found.ValidShare)} of {found.Count} values {found.CheckDescription}"
            + (found.Failed > 0 ? $", {Percent((double)found.Failed / found.Count)} have the shape but fail" : string.Empty)
            + ". The whole column is protected as this kind.";
        return Found(header, h.Kind, 0.6 + (0.4 * found.ValidShare), found.ValidShare, found.Count, reason, h.Kind == PiiKind.Phone ? regionHeader : null);
    }

    /// <summary>
    /// True when <paramref name="value"/> has two or more words of letters only and the scanner finds a validated value of
    /// <paramref name="kind"/> inside it.
    /// </summary>
    private bool IsMentionInText(string value, string? region, PiiKind kind)
    {
        int words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(word => word.Length >= 2 && word.All(char.IsLetter));
        return words >= 2 && _scanner.Scan(value, region, includeUnvalidated: false).Any(span => span.Kinds.Contains(kind));
    }

    private static double Share(List<string> values, List<string?> regions, Func<string, string?, bool> test)
    {
        int count = 0;
        for (int i = 0; i < values.Count; i++)
        {
            count += test(values[i], regions[i]) ? 1 : 0;
        }

        return values.Count == 0 ? 0 : (double)count / values.Count;
    }

    /// <summary>Without a header hint, most values must pass the kind's checks and the profile must not contradict it.</summary>
    private ColumnClassification? ClassifyByValues(string header, ColumnProfile profile, Dictionary<PiiKind, ValidatedEvidence> evidence, string? regionHeader)
    {
        foreach (PiiKind kind in ValidatedKinds)
        {
            ValidatedEvidence found = evidence[kind];
            if (found.ValidShare < _options.MinimumValidatedShare || RuledOutByProfile(kind, profile) is not null)
            {
                continue;
            }

            // Four-part version numbers (2.63.114.31) are valid IPv4 addresses, so only the header distinguishes them.
            if (kind == PiiKind.IpAddress && HeaderHints.NamesVersion(header))
            {
                continue;
            }

            string reason = $"No header hint; {Percent(found.ValidShare)} of {found.Count} values {found.CheckDescription}.";
            return Found(header, kind, 0.5 + (0.45 * found.ValidShare), found.ValidShare, found.Count, reason, kind == PiiKind.Phone ? regionHeader : null);
        }

        return null;
    }

    /// <summary>
    /// Without a header hint, a column whose values are mostly national identity numbers with valid check characters
    /// (DNI, NIE, codice fiscale, National Insurance numbers) contains identifiers.
    /// </summary>
    private ColumnClassification? ClassifyByNationalIds(string header, List<string> values)
    {
        double share = Share(values, value => _nationalId.Validate(value) == ValueCheck.Valid);
        if (share < _options.MinimumValidatedShare)
        {
            return null;
        }

        string reason = $"No header hint; {Percent(share)} of {values.Count} values are national identity numbers (DNI, NIE, codice fiscale, National Insurance, NIR) that pass their checks.";
        return Found(header, PiiKind.Identifier, 0.5 + (0.45 * share), share, values.Count, reason, null);
    }

    /// <summary>
    /// Returns why the profile rules out a kind found by values alone, or null when it does not. Phone and SSN
    /// need written punctuation, because bare digit strings (order numbers, barcodes, amounts, timestamps) parse
    /// as valid numbers often enough to mislead.
    /// </summary>
    private static string? RuledOutByProfile(PiiKind kind, ColumnProfile profile)
    {
        if (kind is PiiKind.Phone or PiiKind.Ssn)
        {
            if (profile.UuidShare >= 0.5)
            {
                return "the values are UUIDs";
            }

            if (profile.GtinShare >= 0.5)
            {
                return "the values are GTIN barcodes with valid check digits";
            }

            // 2027-02-12 and 12.03.2027 are valid national numbers in some regions.
            if (profile.DateShare >= 0.5)
            {
                return "the values are dates";
            }

            if (profile.PhoneFormattedShare < 0.5)
            {
                return profile.HasConstantLength && profile.IntegerShare >= 0.9
                    ? "the values are integers of constant length"
                    : "the values are bare numbers without phone punctuation";
            }
        }

        return null;
    }

    private ColumnClassification? ClassifyByHintedShape(string header, HeaderHint? hint, List<string> values, ColumnProfile profile)
    {
        if (hint is not { } h || ValidatedKinds.Contains(h.Kind))
        {
            return null;
        }

        (double share, string fits) = MeasureShape(h.Kind, values, profile);
        double required = h.Kind.IsQuasiIdentifier() ? 0.8 : _options.MinimumHintedShare;
        if (share < required)
        {
            return null;
        }

        double confidence = h.Kind switch
        {
            PiiKind.Identifier => 0.6 + (0.3 * profile.DistinctRatio),
            _ => 0.6 + (0.35 * share),
        };
        string reason = $"{DescribeHint(header, h)}; {Percent(share)} of {values.Count} values {fits}.";
        if (h.Kind.IsQuasiIdentifier())
        {
            reason += " Quasi-identifier: generalise it or list it for the k-anonymity check.";
        }
        else if (h.Kind.IsSpecialCategory())
        {
            reason += " Special category data (GDPR Article 9): keep it only with a lawful ground, and list it as a sensitive attribute.";
        }

        return Found(header, h.Kind, confidence, share, values.Count, reason, regionHeader: null);
    }

    /// <summary>Returns the share of values that fit a kind without a checksum, and how to say so.</summary>
    private (double Share, string Fits) MeasureShape(PiiKind kind, List<string> values, ColumnProfile profile)
    {
        DateOnly today = DateOnly.FromDateTime(_timeProvider.GetUtcNow().UtcDateTime);
        return kind switch
        {
            PiiKind.CardSecurityCode => (Share(values, v => v.Length is 3 or 4 && v.All(char.IsAsciiDigit)), "have 3 or 4 digits"),
            PiiKind.DateOfBirth => (Share(values, v => IsPlausibleBirthDate(v, today)), "are dates between 1900 and today"),
            PiiKind.PersonName => profile.NumericShare >= 0.5
                ? (0, "are names")
                : (Share(values, v => ValueShapes.IsPersonNameLike(v)), "are shaped like names (letters of any script, no digits)"),
            PiiKind.PostalAddress => (Share(values, v => ValueShapes.IsAddressLike(v)), "are shaped like address lines"),
            PiiKind.AccountNumber => (Share(values, IsAccountNumberLike), "are account-number shaped (4 or more digits)"),
            PiiKind.Identifier => (1.0, $"are present ({profile.DistinctCount} distinct)"),
            PiiKind.PostalCode => (Share(values, IsPostalCodeLike), "are postal-code shaped"),
            PiiKind.GeoCoordinate => profile.NumericShare >= 0.9 && profile.IntegerShare < 0.5 && profile.Minimum >= -180 && profile.Maximum <= 180
                ? (profile.NumericShare, "are fractional degrees within [-180, 180]")
                : (0, "are coordinates"),
            PiiKind.Gender => profile.DistinctCount <= 10 ? (1.0, $"fall in {profile.DistinctCount} categories") : (0, "are categories"),
            PiiKind.Age => profile.IntegerShare >= 0.9 && profile.Minimum >= 0 && profile.Maximum <= 130
                ? (profile.IntegerShare, "are whole years between 0 and 130")
                : (0, "are ages"),
            PiiKind.Location or PiiKind.Occupation => profile.NumericShare < 0.1 ? (profile.LetterShare, "are words") : (0, "are words"),
            PiiKind.SpecialCategory => (1.0, $"are present ({profile.DistinctCount} distinct)"),
            PiiKind.Demographic => profile.DistinctCount <= 30 ? (1.0, $"fall in {profile.DistinctCount} categories") : (0, "are categories"),
            _ => (0, "fit"),
        };
    }

    private ColumnClassification ClassifyUnmatched(
        string header,
        HeaderHint? hint,
        List<string> values,
        ColumnProfile profile,
        Dictionary<PiiKind, ValidatedEvidence> evidence,
        List<string?> regions,
        string? regionHeader)
    {
        List<string> notes = [];
        if (hint is { } h)
        {
            notes.Add($"{DescribeHint(header, h)}, but too few values fit that kind");
        }
        else
        {
            notes.Add("No header hint");
        }

        ValidatedEvidence strongest = evidence.Values.OrderByDescending(e => e.ValidShare).First();
        if (strongest.Valid > 0)
        {
            string? ruledOut = RuledOutByProfile(strongest.Kind, profile);
            string share = $"{strongest.Valid} of {strongest.Count} values {strongest.CheckDescription}";
            string few = strongest.ValidShare < 0.5 ? "only " : string.Empty;
            notes.Add(ruledOut is null ? few + share : $"{share}, but {ruledOut}");
        }
        else if (profile.IsSequential)
        {
            notes.Add(HeaderHints.IsRowNumberHeader(header) ? "the values are row numbers" : "the values are consecutive integers");
        }
        else if (profile.UuidShare >= 0.5)
        {
            notes.Add("the values are UUIDs");
        }

        (PiiKind[] embedded, int cellsWithFindings) = ScanCells(values, regions, profile);
        bool freeText = embedded.Length > 0 || IsFreeTextProfile(profile);
        if (embedded.Length > 0)
        {
            notes.Add($"{cellsWithFindings} of {values.Count} cells contain {string.Join(", ", embedded.Select(Describe))} inside text; scan every cell");
        }
        else if (freeText)
        {
            notes.Add("free text: scan every cell");
        }

        double confidence = hint is null ? 0.9 * (1 - strongest.ValidShare) : 0.6;
        return new ColumnClassification
        {
            Header = header,
            Kind = PiiKind.None,
            Confidence = Math.Round(Math.Max(confidence, 0.1), 2),
            ValidatedShare = 0,
            SampleCount = values.Count,
            Reason = string.Join("; ", notes) + ".",
            IsFreeText = freeText,
            EmbeddedKinds = embedded,

            // The phone numbers found inside the cells were read with each row's region, which redact must use as well.
            RegionColumn = embedded.Contains(PiiKind.Phone) ? regionHeader : null,
            // Values that identify people are mostly distinct. A yes/no column named own_telephone or a 1-to-4 scale
            // named residence_since is not, so its header hint does not count.
            UnconfirmedHint = profile.DistinctCount >= MinimumUnconfirmedDistinct && profile.DistinctRatio >= 0.5 ? hint?.Kind : null,
        };
    }

    /// <summary>Scans the cells of a non-numeric column for embedded findings; returns the kinds and how many cells had any.</summary>
    private (PiiKind[] Kinds, int Cells) ScanCells(List<string> values, List<string?> regions, ColumnProfile profile)
    {
        if (profile.NumericShare >= 0.9)
        {
            return ([], 0);
        }

        HashSet<PiiKind> kinds = [];
        int cells = 0;
        for (int i = 0; i < values.Count; i++)
        {
            // A cell that is one national identity number is a value of the column, not a mention in text: a column of
            // them is classified by ClassifyByNationalIds, and a column of codes may pass a check letter by chance.
            IReadOnlyList<PiiSpan> spans = [.. _scanner.Scan(values[i], regions[i], includeUnvalidated: false)
                .Where(span => !(span.Kind == PiiKind.Identifier && span.Length >= values[i].Trim().Length))];
            if (spans.Count == 0)
            {
                continue;
            }

            cells++;
            foreach (PiiSpan span in spans)
            {
                kinds.UnionWith(span.Kinds);
            }
        }

        return (kinds.Order().ToArray(), cells);
    }

    // Long single tokens, such as hashes or base64 keys, are not text that mentions anything.
    /// <summary>Returns true when the values read as free text by their lengths and words alone, before any detector runs.</summary>
    internal static bool LooksLikeFreeText(IReadOnlyList<string> values) => values.Count > 0 && IsFreeTextProfile(ColumnProfile.Of(values));

    private static bool IsFreeTextProfile(ColumnProfile profile) =>
        (profile.AverageLength >= 40 && profile.AverageWords >= 2) || (profile.AverageWords >= 4 && profile.DistinctRatio >= 0.5);

    private static bool IsPlausibleBirthDate(string value, DateOnly today)
    {
        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int year))
        {
            return year >= 1900 && year <= today.Year;
        }

        return ValueShapes.TryParseDate(value, out DateOnly date) && date.Year >= 1900 && date <= today;
    }

    private static bool IsAccountNumberLike(string value) =>
        value.Count(char.IsAsciiDigit) >= 4 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-');

    private static bool IsPostalCodeLike(string value) =>
        value.Length is >= 3 and <= 10 && value.Any(char.IsAsciiDigit) && value.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-');

    private static double Share(List<string> values, Func<string, bool> predicate) =>
        (double)values.Count(predicate) / values.Count;

    private static ColumnClassification Found(string header, PiiKind kind, double confidence, double share, int count, string reason, string? regionHeader) => new()
    {
        Header = header,
        Kind = kind,
        Confidence = Math.Round(Math.Clamp(confidence, 0, 1), 2),
        ValidatedShare = Math.Round(share, 4),
        SampleCount = count,
        Reason = reason,
        RegionColumn = regionHeader,
    };

    private static ColumnClassification None(string header, int count, double confidence, string reason) => new()
    {
        Header = header,
        Kind = PiiKind.None,
        Confidence = confidence,
        ValidatedShare = 0,
        SampleCount = count,
        Reason = reason,
    };

    private static string DescribeHint(string header, HeaderHint hint) =>
        $"Header '{header}' suggests {Describe(hint.Kind)} (matched '{hint.Phrase}')";

    private static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0}%");

    /// <summary>Returns the kind in words, with an article, for reason sentences.</summary>
    public static string Describe(PiiKind kind) => kind switch
    {
        PiiKind.CardNumber => "a card number",
        PiiKind.Iban => "an IBAN",
        PiiKind.Ssn => "a US social security or taxpayer identification number",
        PiiKind.Email => "an e-mail address",
        PiiKind.Phone => "a phone number",
        PiiKind.IpAddress => "an IP address",
        PiiKind.DateOfBirth => "a date of birth",
        PiiKind.PersonName => "a person's name",
        PiiKind.PostalAddress => "a street address",
        PiiKind.AccountNumber => "an account number",
        PiiKind.Identifier => "a customer or transaction identifier",
        PiiKind.CardSecurityCode => "a card security code",
        PiiKind.TrackData => "magnetic-stripe track data",
        PiiKind.Location => "a place of residence or origin",
        PiiKind.PostalCode => "a postal code",
        PiiKind.GeoCoordinate => "a home coordinate",
        PiiKind.Gender => "gender",
        PiiKind.Age => "age",
        PiiKind.Occupation => "an occupation",
        PiiKind.SpecialCategory => "special category data such as ethnic origin, religion or health",
        PiiKind.Demographic => "marital or family status or education",
        _ => "no personal data",
    };
}
