using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Detection.Internal;
using SyntheticData.Privacy.Internal;
using SyntheticData.Privacy.Operators;

namespace SyntheticData.Privacy.Policies;

/// <summary>
/// Drafts a dataset policy from column classifications, for a person to review: an operator per column
/// with the evidence and the reason for the choice in its comment, quasi-identifiers from the detected
/// kinds, k enforcement on, and unlisted columns rejected.
/// </summary>
public static class PolicyDrafter
{
    // The share of a kept column's sampled text cells that must repeat a protected value of their row for redact, unless
    // the column reads as notes, where one such cell is enough.
    private const double MinimumRepeatShare = 0.05;

    // What redact cannot see, stated in the comment of every drafted redact, so that a clean rescan is not read as clean notes.
    private const string RedactLimits =
        "It does not find names of people in no protected column, e-mail addresses spelled out (name at example dot com), or dates and numbers without a label; review a sample of the output";

    // Header words of columns written by people about the customer, in which one mention of a protected value is a leak
    // rather than a coincidence, as a merchant named after a surname may be.
    private static readonly HashSet<string> NoteWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "note", "notes", "comment", "comments", "remark", "remarks", "memo", "narrative", "description", "observaciones",
        "observación", "observacion", "comentario", "comentarios", "notas", "nota", "bemerkung", "bemerkungen", "notiz",
        "notizen", "kommentar", "commentaire", "commentaires", "remarque", "remarques", "opmerking", "opmerkingen",
        "osservazioni", "annotazioni",
    };

    // Below this many sampled values, repetition is not measured.
    private const int MinimumEntitySample = 20;

    // Header words that mark an identifier as naming a person rather than a transaction or a product.
    // Kinds whose values name one holder, in the order they are proposed as the entity column.
    private static readonly PiiKind[] HolderKinds = [PiiKind.CardNumber, PiiKind.AccountNumber, PiiKind.Iban, PiiKind.Email, PiiKind.Phone];

    private static readonly string[] PersonWords = ["customer", "cust_", "client", "member", "user", "person", "patient", "subscriber", "holder", "party"];

    /// <summary>Date formats tried on sampled date-of-birth values; those that match are declared in the draft.</summary>
    public static readonly IReadOnlyList<string> CandidateDateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyyMMdd", "d.M.yyyy", "M/d/yyyy", "d/M/yyyy", "M-d-yyyy", "d-M-yyyy",
        "yyyy/MM/dd", "yyyy.MM.dd", "d.M.yy", "M/d/yy", "d/M/yy", "dd-MMM-yyyy", "d-MMM-yyyy", "d MMM yyyy", "dd MMM yyyy",
        "MMM d, yyyy", "d MMMM yyyy", "MMMM d, yyyy", "yyyy年M月d日",
    ];

    // Formats that read the same text with day and month swapped; of each pair only the one that reads more stays.
    private static readonly (string MonthFirst, string DayFirst)[] SwappedFormats =
    [
        ("M/d/yyyy", "d/M/yyyy"), ("M-d-yyyy", "d-M-yyyy"), ("M/d/yy", "d/M/yy"),
    ];

    /// <summary>Returns a draft policy for columns classified as <paramref name="classifications"/>.</summary>
    /// <param name="classifications">One classification per input column, in input order.</param>
    /// <param name="samples">The sampled values the classifications came from, to pick date formats.</param>
    /// <param name="settings">Policy-wide settings: key id, phone region, k, dataset name.</param>
    /// <param name="dateRegion">
    /// The country whose order of day and month decides dates that read both ways, such as 03/04/1985; null for the phone
    /// region of <paramref name="settings"/>.
    /// </param>
    public static DatasetPolicy Draft(
        IReadOnlyList<ColumnClassification> classifications,
        IReadOnlyList<ColumnSample> samples,
        DatasetPolicy settings,
        string? dateRegion = null)
    {
        ArgumentNullException.ThrowIfNull(classifications);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(settings);

        var columns = new Dictionary<string, ColumnPolicy>(StringComparer.Ordinal);
        var quasiIdentifiers = new List<string>();
        var sensitiveAttributes = new List<string>(settings.SensitiveAttributes);
        string? countryColumn = null;
        foreach (ColumnClassification classification in classifications)
        {
            ColumnSample? sample = samples.FirstOrDefault(s => s.Header == classification.Header);
            (OperatorKind kind, Dictionary<string, JsonNode> parameters, string why) = Choose(classification, sample, dateRegion ?? settings.DefaultPhoneRegion);
            string evidence = classification.Kind == PiiKind.None
                ? (classification.EmbeddedKinds.Count > 0 ? "Free text with personal data inside" : "No personal data found") + $": {classification.Reason.TrimEnd('.')}"
                : string.Create(
                    CultureInfo.InvariantCulture,
                    $"{classification.Kind} (confidence {classification.Confidence:0.00}, {classification.ValidatedShare * 100:0}% of {classification.SampleCount} sampled values validated): {classification.Reason.TrimEnd('.')}");
            columns[classification.Header] = new ColumnPolicy(kind, ToJson(parameters), $"{evidence}. Choice: {why}.");

            if (classification.IsQuasiIdentifier || classification.Kind == PiiKind.DateOfBirth)
            {
                quasiIdentifiers.Add(classification.Header);
            }
            else if (classification.IsSpecialCategory && !sensitiveAttributes.Contains(classification.Header))
            {
                sensitiveAttributes.Add(classification.Header);
            }

            countryColumn ??= classification.RegionColumn;
        }

        // Notes first: a note that repeats the row's protected values must be redacted, and a note that also goes with one
        // quasi-identifier value would otherwise be listed as a kept proxy and never redacted.
        RedactRepeatedValues(columns, quasiIdentifiers, samples);
        AddProxies(columns, quasiIdentifiers, sensitiveAttributes, samples);
        return settings with
        {
            Comment = DescribeEntityCandidate(classifications, samples) ?? settings.Comment,
            Columns = columns,
            QuasiIdentifiers = quasiIdentifiers,
            SensitiveAttributes = sensitiveAttributes,
            UnlistedColumns = UnlistedColumnAction.Fail,
            EnforceK = true,
            CountryColumn = countryColumn is not null && columns.ContainsKey(countryColumn) ? countryColumn : null,
        };
    }

    /// <summary>
    /// Drafts <c>redact</c> for a kept text column whose cells repeat a value that the draft protects in another column
    /// of the same row, such as a note that names the customer or the street. Detection finds no personal data in such a
    /// note on its own, but redact also removes the row's protected values. A column counts when at least
    /// <see cref="MinimumRepeatShare"/> of its sampled text cells contain such a value, of four or more characters, as a
    /// whole word, or when one does and the column reads as notes by its header or its values.
    /// </summary>
    private static void RedactRepeatedValues(Dictionary<string, ColumnPolicy> columns, List<string> quasiIdentifiers, IReadOnlyList<ColumnSample> samples)
    {
        ColumnSample[] protectedSamples = [.. samples.Where(sample => columns.TryGetValue(sample.Header, out ColumnPolicy? rule)
            && rule.Operator is not (OperatorKind.Keep or OperatorKind.Redact) && !quasiIdentifiers.Contains(sample.Header))];
        if (protectedSamples.Length == 0)
        {
            return;
        }

        // Redact matches each word of a name on its own, so a note that names the customer by surname ("Mr Weber"), or
        // writes the name in another order ("WEBER, Oliver"), repeats the row's protected name too.
        HashSet<string> nameColumns = [.. protectedSamples.Select(sample => sample.Header).Where(header => IsNameRule(columns[header]))];

        foreach (ColumnSample sample in samples)
        {
            if (!columns.TryGetValue(sample.Header, out ColumnPolicy? rule) || rule.Operator != OperatorKind.Keep
                || quasiIdentifiers.Contains(sample.Header))
            {
                continue;
            }

            int textCells = 0;
            int repeating = 0;
            string? repeated = null;
            for (int row = 0; row < sample.Values.Count; row++)
            {
                if (sample.Values[row] is not { } text || !text.Contains(' ', StringComparison.Ordinal))
                {
                    continue;
                }

                textCells++;
                if (protectedSamples.FirstOrDefault(other => row < other.Values.Count
                    && (ContainsWord(text, other.Values[row]) || (nameColumns.Contains(other.Header) && ContainsNameWord(text, other.Values[row])))) is { } source)
                {
                    repeating++;
                    repeated ??= source.Header;
                }
            }

            bool notes = HeaderHints.Tokenize(sample.Header).Any(NoteWords.Contains)
                || ColumnClassifier.LooksLikeFreeText([.. sample.Values.OfType<string>()]);
            if (textCells > 0 && repeating > 0 && (notes || repeating >= MinimumRepeatShare * textCells))
            {
                string why = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{repeating} of {textCells} sampled text cells repeat a value of the same row that the draft protects, such as in column '{repeated}'");
                columns[sample.Header] = new ColumnPolicy(OperatorKind.Redact, ToJson([]), $"Free text: {why}. Choice: redact, which also removes the row's protected values. {RedactLimits}.");
            }
        }
    }

    private static bool IsNameRule(ColumnPolicy rule) =>
        rule.Parameters.TryGetValue("kind", out JsonElement kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == "name";

    // Returns true when text contains a word of the name, of four or more letters, as a whole word, ignoring case.
    private static bool ContainsNameWord(string text, string? name)
    {
        if (name is null)
        {
            return false;
        }

        foreach (string word in name.Split([' ', ',', '-'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (word.Length >= 4 && word.All(char.IsLetter) && ContainsWord(text, word))
            {
                return true;
            }
        }

        return false;
    }

    // Returns true when text contains value, trimmed and of four or more characters, as a whole word, ignoring case.
    private static bool ContainsWord(string text, string? value)
    {
        string? needle = value?.Trim();
        if (needle is null || needle.Length < 4)
        {
            return false;
        }

        for (int at = text.IndexOf(needle, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            int end = at + needle.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Lists as quasi-identifiers the kept columns whose value determines the value of a quasi-identifier, such as a
    /// city's population beside the city: generalising or suppressing the city would achieve nothing while the
    /// population stays exact. A column counts when its repeated values cover at least half of the sampled rows and,
    /// in at least 90% of those rows, go with a single value of the quasi-identifier, which has two or more values there.
    /// The comment names the quasi-identifier with the most distinct values that the column determines.
    /// </summary>
    private static void AddProxies(
        Dictionary<string, ColumnPolicy> columns, List<string> quasiIdentifiers, List<string> sensitiveAttributes, IReadOnlyList<ColumnSample> samples)
    {
        string[] identifiers = [.. quasiIdentifiers];
        foreach ((string header, ColumnPolicy rule) in columns.ToArray())
        {
            if (rule.Operator != OperatorKind.Keep || quasiIdentifiers.Contains(header) || sensitiveAttributes.Contains(header)
                || samples.FirstOrDefault(s => s.Header == header) is not { } candidate)
            {
                continue;
            }

            (string Identifier, double Share, int Distinct)? best = null;
            foreach (string identifier in identifiers)
            {
                if (samples.FirstOrDefault(s => s.Header == identifier) is { } target
                    && DeterminedShare(candidate, target) is { } share
                    && CountDistinct(target) is var distinct
                    && (best is null || distinct > best.Value.Distinct))
                {
                    best = (identifier, share, distinct);
                }
            }

            if (best is { } found)
            {
                quasiIdentifiers.Add(header);
                string note = string.Create(
                    CultureInfo.InvariantCulture,
                    $" Listed as a quasi-identifier: in {found.Share * 100:0}% of the sampled rows where its value repeats, the value goes with a single '{found.Identifier}', so it would reveal that column after generalisation or suppression.");
                columns[header] = rule with { Comment = rule.Comment + note };
            }
        }
    }

    // Returns the share of rows whose candidate value goes with one target value, or null when the candidate does not
    // determine the target by the rule of AddProxies.
    private static double? DeterminedShare(ColumnSample candidate, ColumnSample target)
    {
        var targets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        int present = 0;
        int count = Math.Min(candidate.Values.Count, target.Values.Count);
        for (int row = 0; row < count; row++)
        {
            string? key = candidate.Values[row];
            string? value = target.Values[row];
            if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            present++;
            rows[key] = rows.GetValueOrDefault(key) + 1;
            (targets.TryGetValue(key, out HashSet<string>? set) ? set : targets[key] = new HashSet<string>(StringComparer.Ordinal)).Add(value);
        }

        string[] repeated = [.. rows.Where(pair => pair.Value >= 2).Select(pair => pair.Key)];
        int covered = repeated.Sum(key => rows[key]);
        if (present < MinimumEntitySample || covered * 2 < present
            || repeated.SelectMany(key => targets[key]).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return null;
        }

        int determined = repeated.Where(key => targets[key].Count == 1).Sum(key => rows[key]);
        double share = (double)determined / covered;
        return share >= 0.9 ? share : null;
    }

    private static int CountDistinct(ColumnSample sample) =>
        sample.Values.Where(value => !string.IsNullOrWhiteSpace(value)).Distinct(StringComparer.Ordinal).Count();

    /// <summary>
    /// Returns a sentence proposing a top-level entityColumn when a column that identifies a person repeats its values,
    /// or null when there is none. Identifier columns whose header names a person (customer, client, member and the
    /// like) come first. Then come card numbers, account numbers, IBANs, e-mail addresses and phone numbers, each of
    /// which names its holder, because a transaction extract without a customer id still repeats its card numbers. The
    /// draft does not set it, because counting people usually needs coarser quasi-identifiers, which is a reviewer's
    /// choice.
    /// </summary>
    public static string? DescribeEntityCandidate(IReadOnlyList<ColumnClassification> classifications, IReadOnlyList<ColumnSample> samples)
    {
        ArgumentNullException.ThrowIfNull(classifications);
        ArgumentNullException.ThrowIfNull(samples);
        IEnumerable<ColumnClassification> personIds = classifications.Where(c =>
            c.Kind == PiiKind.Identifier && PersonWords.Any(word => c.Header.ToLowerInvariant().Contains(word, StringComparison.Ordinal)));
        IEnumerable<ColumnClassification> holders = HolderKinds.SelectMany(kind => classifications.Where(c => c.Kind == kind));
        foreach (ColumnClassification classification in personIds.Concat(holders))
        {
            if (samples.FirstOrDefault(s => s.Header == classification.Header) is not { } sample)
            {
                continue;
            }

            string[] present = [.. sample.Values.Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value!)];
            int distinct = present.Distinct(StringComparer.Ordinal).Count();
            // A key with one row per person never repeats, so one repeat in a hundred rows already shows several rows per
            // person. A sample of a large extract contains few of each person's rows, so a higher bar missed such columns.
            if (present.Length >= MinimumEntitySample && distinct <= present.Length * 0.99)
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"Review: '{classification.Header}' repeats ({distinct:N0} distinct values in {present.Length:N0} sampled rows). If it names a person, add \"entityColumn\": \"{classification.Header}\" so that k counts people rather than records; expect more suppression, and generalise the quasi-identifiers to keep it low.");
            }
        }

        return null;
    }

    private static (OperatorKind Kind, Dictionary<string, JsonNode> Parameters, string Why) Choose(
        ColumnClassification column, ColumnSample? sample, string? region)
    {
        // The policy reader rejects any other operator on such a header, whatever its values look like.
        if (SensitiveAuthenticationData.IsSensitiveHeader(column.Header))
        {
            return (OperatorKind.Drop, [], "Dropped: the header names a card security code, PIN block or track data, which PCI DSS forbids keeping after authorisation");
        }

        return column.Kind switch
        {
            PiiKind.CardNumber => (OperatorKind.Token, new() { ["kind"] = "card" },
                "Format-preserving FF1 token: joins on the card still work, and tokens fail the Luhn check so they are never taken for live cards"),
            PiiKind.Iban => (OperatorKind.Token, new() { ["kind"] = "iban" },
                "Format-preserving FF1 token that keeps the country code and fails the mod-97 check"),
            PiiKind.AccountNumber => (OperatorKind.Token, new() { ["kind"] = "digits" },
                "Format-preserving FF1 token of the digits"),
            PiiKind.Email => (OperatorKind.Pseudonym, new() { ["kind"] = "email" },
                "Keyed pseudonym of the trimmed, lower-cased address, so one customer links across extracts"),
            PiiKind.Phone => (OperatorKind.Pseudonym, new() { ["kind"] = "phone" },
                "Keyed pseudonym of the E.164 form, so differently written numbers of one customer link"),
            PiiKind.PersonName => (OperatorKind.Pseudonym, new() { ["kind"] = "name" },
                "Keyed pseudonym of the case-folded name"),
            PiiKind.Ssn or PiiKind.Identifier => (OperatorKind.Pseudonym, new() { ["kind"] = "identifier" },
                "Keyed pseudonym, so records of one person or transaction still link"),
            PiiKind.IpAddress => (OperatorKind.Pseudonym, new() { ["kind"] = "generic" },
                "Keyed pseudonym of the address"),
            PiiKind.PostalAddress => (OperatorKind.Drop, [],
                "Dropped: a street address identifies a household and is rarely needed for analysis"),
            PiiKind.CardSecurityCode or PiiKind.TrackData => (OperatorKind.Drop, [],
                "Dropped: PCI DSS forbids keeping security codes and track data after authorisation"),
            PiiKind.DateOfBirth => (OperatorKind.Generalize, DateParameters("dateYear", sample, region, out string? order),
                "Generalised to the birth year, a quasi-identifier" + order),
            PiiKind.PostalCode when LostLeadingZeros(sample) is int digits => (
                OperatorKind.Generalize,
                new() { ["method"] = "postcodePrefix", ["length"] = 3, ["padDigits"] = digits },
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Generalised to the first three characters, a quasi-identifier. Some codes have fewer than {digits} digits, as ZIP codes stored as numbers lose their leading zeros, so padDigits restores them before the prefix is taken")),
            PiiKind.PostalCode => (OperatorKind.Generalize, new() { ["method"] = "postcodePrefix", ["length"] = 3 },
                "Generalised to the first three characters, a quasi-identifier"),
            PiiKind.GeoCoordinate => (OperatorKind.Generalize, new() { ["method"] = "numericBins", ["width"] = 0.1 },
                "Generalised to bins of 0.1 degree (about 11 km), a quasi-identifier"),
            PiiKind.Age => (OperatorKind.Generalize, new() { ["method"] = "ageBands", ["width"] = 10 },
                "Generalised to ten-year bands, a quasi-identifier"),
            PiiKind.Location or PiiKind.Gender or PiiKind.Occupation or PiiKind.Demographic => (OperatorKind.Keep, [],
                "Kept as a quasi-identifier; review whether to generalise or drop it"),
            PiiKind.SpecialCategory => (OperatorKind.Keep, [],
                "Kept and listed as a sensitive attribute for the l-diversity check. It is special category data under GDPR Article 9: drop it unless the analysis needs it and a lawful ground covers it, and list observable traits such as ethnic origin as quasi-identifiers"),
            PiiKind.None when column.IsFreeText && column.UnconfirmedHint is { } mentioned && column.EmbeddedKinds.Contains(mentioned) => (
                OperatorKind.Redact,
                new() { ["replacement"] = "kind" },
                $"Free text that mentions the kind its header names ({mentioned}): every span of personal data found is replaced whole. {RedactLimits}"),
            PiiKind.None when column.UnconfirmedHint is { } hinted && hinted.IsDirectIdentifier() => (OperatorKind.Drop, [],
                $"Dropped to fail closed: the header suggests {hinted}, but too few values fit that kind, so they may be personal data in a form the classifier does not read. Keep the column only after checking its values"),
            _ when column.IsFreeText => (OperatorKind.Redact, new() { ["replacement"] = "kind" },
                $"Free text: every span of personal data found is replaced whole. {RedactLimits}"),
            _ => (OperatorKind.Keep, [], "Kept unchanged"),
        };
    }

    /// <summary>
    /// Returns the usual length of an all-digit postcode column when some of its codes are one digit shorter, the sign
    /// of leading zeros lost to a number type (5155 for the ZIP code 05155), or null.
    /// </summary>
    private static int? LostLeadingZeros(ColumnSample? sample)
    {
        string[] codes = sample is null ? [] : [.. sample.Values.Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value!.Trim())];
        if (codes.Length == 0 || codes.Any(code => code.AsSpan().IndexOfAnyExceptInRange('0', '9') >= 0))
        {
            return null;
        }

        int usual = codes.GroupBy(code => code.Length).MaxBy(group => group.Count())!.Key;
        bool someShort = codes.Any(code => code.Length == usual - 1);
        bool othersUsual = codes.All(code => code.Length == usual || code.Length == usual - 1);
        return usual >= 4 && someShort && othersUsual ? usual : null;
    }

    /// <summary>
    /// Returns the method and the date formats that the sample uses. <paramref name="order"/> is a note for the comment
    /// when no sampled date shows the order of day and month and the region's custom decided it, else empty.
    /// </summary>
    private static Dictionary<string, JsonNode> DateParameters(string method, ColumnSample? sample, string? region, out string order)
    {
        var parameters = new Dictionary<string, JsonNode> { ["method"] = method };
        order = string.Empty;
        if (sample is null)
        {
            return parameters;
        }

        // Declare only the formats the sample uses, in candidate order. The single-letter day and month also read
        // zero-padded values (M/d/yyyy reads 02/09/1975 and 2/9/1975).
        string[] values = sample.Values.Where(v => !string.IsNullOrWhiteSpace(v)).Take(1000).Select(v => v!.Trim()).ToArray();
        Dictionary<string, int> parsed = CandidateDateFormats.ToDictionary(
            format => format,
            format => values.Count(value => DateTime.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)),
            StringComparer.Ordinal);
        List<string> used = [.. CandidateDateFormats.Where(format => parsed[format] > 0)];

        // Both orders of day and month read a date whose day is 12 or less, each in its own way. Only the order that reads
        // more of the sample stays, so such a date is not read as another day. On a tie, as when no day is above 12, the
        // order of the extract's country decides, as its phone region gives it: month first for US and PH or no region.
        bool monthFirstCountry = region is null or "US" or "PH";
        foreach ((string monthFirst, string dayFirst) in SwappedFormats)
        {
            if (used.Contains(monthFirst) && used.Contains(dayFirst))
            {
                bool tie = parsed[dayFirst] == parsed[monthFirst];
                bool dayFirstWins = parsed[dayFirst] > parsed[monthFirst] || (tie && !monthFirstCountry);
                used.Remove(dayFirstWins ? monthFirst : dayFirst);
                if (tie)
                {
                    string country = region ?? "US";
                    order = $". No sampled day is above 12, so the dates are read {(dayFirstWins ? "day" : "month")} first, as in {country}: check the formats";
                }
            }
        }

        if (used.Count > 0)
        {
            parameters["formats"] = new JsonArray(used.Select(format => (JsonNode)format).ToArray());
        }

        return parameters;
    }

    private static Dictionary<string, JsonElement> ToJson(Dictionary<string, JsonNode> parameters) =>
        parameters.ToDictionary(pair => pair.Key, pair => JsonSerializer.SerializeToElement(pair.Value, PolicyDraftJsonContext.Default.JsonNode), StringComparer.Ordinal);
}
