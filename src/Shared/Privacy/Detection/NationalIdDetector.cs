using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Finds national identity, tax and document numbers in free text. Numbers whose layout and check character make a
/// chance match rare are found on their own: the Spanish DNI (<c>12345678Z</c>) and NIE (<c>X1234567L</c>) with their
/// mod-23 letter, the Italian codice fiscale with its check letter, the UK National Insurance number (<c>QQ 12 34 56
/// C</c>) by its letter rules, the UK driving licence number by its layout and date of birth, the Swiss AHV number
/// (<c>756.1234.5678.97</c>) with its check digit, and the French NIR written
/// in its groups (<c>1 85 05 78 006 084 91</c>) with its mod-97 key. Others need a label before them. These are the
/// Dutch BSN and the Portuguese NIF (nine digits with a mod-11 check), the NIR written without spaces, the US EIN, and
/// passport, identity card, driving licence and tax numbers, which have no check at all. All are identifiers.
/// </summary>
public sealed class NationalIdDetector : IDetector
{
    private const int MaximumGap = 12;

    private const string DniLetters = "TRWAGMYFPDXBNJZSQVHLCKE";

    // Values of the odd positions (first, third, ...) of a codice fiscale, for the digits 0-9 and the letters A-Z.
    private static readonly int[] CodiceOddDigits = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];

    private static readonly int[] CodiceOddLetters = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    private static readonly string[] BsnLabels = ["bsn", "burgerservicenummer", "sofinummer", "sofi-nummer"];

    private static readonly string[] NifLabels = ["nif", "contribuinte", "número de contribuinte", "numero de contribuinte", "nº contribuinte"];

    private static readonly string[] NirLabels = ["nir", "insee", "sécurité sociale", "securite sociale", "numéro de sécurité sociale", "sécu", "secu"];

    private static readonly string[] EinLabels = ["ein", "fein", "employer identification number"];

    private static readonly string[] DocumentLabels =
    [
        "passport", "passport no", "passport number", "pasaporte", "passeport", "reisepass", "reisepassnummer", "passnummer",
        "passaporto", "passaporte", "paspoort", "paspoortnummer", "id card", "identity card", "personalausweis",
        "ausweisnummer", "carte d'identité", "carta d'identità", "cartão de cidadão", "dni", "driving licence",
        "driving license", "driver's license", "drivers license", "driver license", "driver's licence", "licence no",
        "license no", "licence number", "license number", "führerschein", "führerscheinnummer", "permis de conduire",
        "carnet de conducir", "steuer-id", "steuerid", "steuernummer", "steuer-nr", "tax id", "tax number", "utr",
        "ausweis-nr", "ausweis-nr.", "ausweisnr", "personalausweisnummer", "pass-nr", "pass-nr.", "passnr", "svnr", "sv-nr",
        "sv-nr.", "sv-nummer", "sozialversicherungsnummer", "versicherungsnummer", "versichertennummer", "ahv", "ahv-nr",
        "ahv-nr.", "ahv-nummer", "steueridentifikationsnummer", "steuer-identifikationsnummer", "idnr",
    ];

    private static readonly TextLabels Search = new(
        [.. BsnLabels, .. NifLabels, .. NirLabels, .. EinLabels, .. DocumentLabels],
        ["is", "no", "nr", "number", "nummer", "numéro", "número", "ist", "es", "est", "of"],
        MaximumGap);

    /// <inheritdoc />
    public PiiKind Kind => PiiKind.Identifier;

    /// <inheritdoc />
    public void Detect(ReadOnlySpan<char> text, List<PiiFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        FindingListSink sink = new(findings);
        Find(text, ref sink);
    }

    /// <inheritdoc />
    public ValueCheck Validate(ReadOnlySpan<char> cell)
    {
        ReadOnlySpan<char> value = cell.Trim();
        return value.Length > 0 && MatchUnlabelled(value, 0) == value.Length ? ValueCheck.Valid : CellCoverage.Check(value, this);
    }

    /// <summary>Reports the matches in <paramref name="text"/> to <paramref name="sink"/> and returns false when the sink stopped the scan.</summary>
    internal bool Find<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IFindingSink
    {
        // Digits alone hold none of these numbers: a NIR needs its groups or a label. Card tokens, checked for every new
        // card, end here.
        if (TextBoundary.AreAsciiDigits(text))
        {
            return true;
        }

        int i = 0;
        while (i < text.Length)
        {
            if (char.IsAsciiLetterOrDigit(text[i]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])))
            {
                int end = MatchUnlabelled(text, i);
                if (end > i)
                {
                    if (!sink.Add(new PiiFinding(PiiKind.Identifier, i, end - i, IsValidated: true)))
                    {
                        return false;
                    }

                    i = end;
                    continue;
                }
            }

            i++;
        }

        // Every label has letters and is set apart from its number, so a text of one word such as a token has none.
        if (!HasLetter(text) || IsOneWord(text))
        {
            return true;
        }

        int position = 0;
        int start;
        while ((start = Search.FindNext(text, ref position, out string label)) >= 0)
        {
            int labelStart = position - 1;
            while (start >= 0)
            {
                int end = MatchLabelled(text, start, label);
                if (end > start)
                {
                    if (!sink.Add(new PiiFinding(PiiKind.Identifier, start, end - start, IsValidated: true)))
                    {
                        return false;
                    }

                    position = end;
                    break;
                }

                start = Search.ValueStartAfter(text, labelStart, label.Length, out label);
            }
        }

        return true;
    }

    /// <summary>Returns the end of a number at <paramref name="start"/> that needs no label, or <paramref name="start"/>.</summary>
    private static int MatchUnlabelled(ReadOnlySpan<char> text, int start)
    {
        int token = TokenEnd(text, start);
        ReadOnlySpan<char> word = text[start..token];
        if (word.Length == 16 && EndsWord(text, token) && (IsCodiceFiscale(word) || IsBritishLicence(word)))
        {
            return token;
        }

        int end = MatchDni(text, start);
        if (end > start)
        {
            return end;
        }

        end = MatchNino(text, start);
        if (end > start)
        {
            return end;
        }

        end = MatchAhv(text, start);
        return end > start ? end : MatchGroupedNir(text, start);
    }

    /// <summary>Returns the end of the number that <paramref name="label"/> announces at <paramref name="start"/>, or <paramref name="start"/>.</summary>
    private static int MatchLabelled(ReadOnlySpan<char> text, int start, string label)
    {
        if (BsnLabels.Contains(label) || NifLabels.Contains(label))
        {
            int end = ReadDigitGroups(text, start, 9, out ulong number);
            bool valid = end > start && (BsnLabels.Contains(label) ? IsBsn(number) : IsPortugueseNif(number));
            return valid ? end : start;
        }

        if (NirLabels.Contains(label))
        {
            int end = MatchNir(text, start, grouped: false);
            return end > start ? end : MatchGroupedNir(text, start);
        }

        if (EinLabels.Contains(label))
        {
            // The IRS issues no EIN with the prefix 00.
            return IsDigits(text, start, 2) && start + 10 <= text.Length && text[start + 2] == '-' && IsDigits(text, start + 3, 7)
                && EndsWord(text, start + 10) && !text.Slice(start, 2).SequenceEqual("00") ? start + 10 : start;
        }

        // Passport, identity card, licence and tax numbers: one token of 5 to 20 letters and digits with four or more
        // digits, to which groups of digits after a space, dash, slash or dot belong too (552 019 384, 21/815/08150).
        int tokenEnd = TokenEnd(text, start);
        int digits = CountDigits(text[start..tokenEnd]);
        int last = tokenEnd;
        while (last + 1 < text.Length && text[last] is ' ' or '-' or '/' or '.' && TokenEnd(text, last + 1) is int next && next > last + 1
            && CountDigits(text[(last + 1)..next]) == next - last - 1 && next - start <= 20)
        {
            digits += next - last - 1;
            last = next;
        }

        int length = last - start;
        return length is >= 5 and <= 20 && digits >= 4 && EndsWord(text, last) ? last : start;
    }

    private static int MatchDni(ReadOnlySpan<char> text, int start)
    {
        int i = start;
        int prefix = -1;
        if (text[i] is 'X' or 'Y' or 'Z' or 'x' or 'y' or 'z')
        {
            prefix = char.ToUpperInvariant(text[i]) - 'X';
            i = SkipSeparator(text, i + 1);
        }

        int digitCount = prefix >= 0 ? 7 : 8;
        if (!IsDigits(text, i, digitCount))
        {
            return start;
        }

        long number = prefix >= 0 ? prefix : 0;
        for (int d = 0; d < digitCount; d++)
        {
            number = (number * 10) + (text[i + d] - '0');
        }

        i = SkipSeparator(text, i + digitCount);
        if (i >= text.Length || !char.IsAsciiLetter(text[i]) || !EndsWord(text, i + 1))
        {
            return start;
        }

        return char.ToUpperInvariant(text[i]) == DniLetters[(int)(number % 23)] ? i + 1 : start;
    }

    /// <summary>Reads a UK National Insurance number: two letters by HMRC's rules, six digits, and A to D, in upper case.</summary>
    private static int MatchNino(ReadOnlySpan<char> text, int start)
    {
        if (start + 9 > text.Length || !char.IsAsciiLetterUpper(text[start]) || !char.IsAsciiLetterUpper(text[start + 1]))
        {
            return start;
        }

        char first = text[start];
        char second = text[start + 1];
        if ("DFIQUV".Contains(first) || "DFIOQUV".Contains(second))
        {
            return start;
        }

        ReadOnlySpan<char> pair = text.Slice(start, 2);
        if (pair is "BG" or "GB" or "KN" or "NK" or "NT" or "TN" or "ZZ")
        {
            return start;
        }

        int i = start + 2;
        bool spaced = text[i] == ' ';
        for (int group = 0; group < 3; group++)
        {
            if (spaced)
            {
                if (i >= text.Length || text[i] != ' ')
                {
                    return start;
                }

                i++;
            }

            if (!IsDigits(text, i, 2))
            {
                return start;
            }

            i += 2;
        }

        if (spaced && i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i < text.Length && text[i] is >= 'A' and <= 'D' && EndsWord(text, i + 1) ? i + 1 : start;
    }

    /// <summary>
    /// Reads a Swiss AHV number as printed, <c>756.1234.5678.97</c>: the country code 756 and ten more digits in dotted
    /// groups, the last of which is an EAN-13 check digit.
    /// </summary>
    private static int MatchAhv(ReadOnlySpan<char> text, int start)
    {
        if (start + 16 > text.Length || !text.Slice(start, 4).SequenceEqual("756.") || text[start + 8] != '.' || text[start + 13] != '.'
            || !IsDigits(text, start + 4, 4) || !IsDigits(text, start + 9, 4) || !IsDigits(text, start + 14, 2) || !EndsWord(text, start + 16))
        {
            return start;
        }

        Span<int> digits = stackalloc int[13];
        int count = 0;
        foreach (char c in text.Slice(start, 16))
        {
            if (TextBoundary.IsAsciiDigit(c))
            {
                digits[count++] = c - '0';
            }
        }

        int sum = 0;
        for (int i = 0; i < 12; i++)
        {
            sum += digits[i] * (i % 2 == 0 ? 1 : 3);
        }

        return (10 - (sum % 10)) % 10 == digits[12] ? start + 16 : start;
    }

    /// <summary>Reads a NIR in its printed groups: <c>1 85 05 78 006 084 91</c>.</summary>
    private static int MatchGroupedNir(ReadOnlySpan<char> text, int start) => MatchNir(text, start, grouped: true);

    /// <summary>
    /// Reads a French NIR: sex, year, month, department (2A and 2B for Corsica), commune, order and the key 97 minus the
    /// first thirteen digits mod 97, where 2A counts as 19 and 2B as 18. Grouped, the parts are separated by single
    /// spaces, and otherwise they are joined.
    /// </summary>
    private static int MatchNir(ReadOnlySpan<char> text, int start, bool grouped)
    {
        ReadOnlySpan<int> lengths = [1, 2, 2, 2, 3, 3, 2];
        Span<char> digits = stackalloc char[15];
        int count = 0;
        int i = start;
        for (int part = 0; part < lengths.Length; part++)
        {
            if (part > 0 && grouped)
            {
                if (i >= text.Length || text[i] != ' ')
                {
                    return start;
                }

                i++;
            }

            if (i + lengths[part] > text.Length)
            {
                return start;
            }

            for (int d = 0; d < lengths[part]; d++)
            {
                digits[count++] = char.ToUpperInvariant(text[i++]);
            }
        }

        // Corsica's departments 2A and 2B take the place of 19 and 18 in the key.
        if (digits[5] == '2' && digits[6] is 'A' or 'B')
        {
            (digits[5], digits[6]) = ('1', digits[6] == 'A' ? '9' : '8');
        }

        if (!TextBoundary.AreAsciiDigits(digits) || digits[0] is not ('1' or '2' or '3' or '4' or '7' or '8') || !EndsWord(text, i))
        {
            return start;
        }

        ulong number = ulong.Parse(digits[..13], provider: System.Globalization.CultureInfo.InvariantCulture);
        int key = int.Parse(digits[13..], provider: System.Globalization.CultureInfo.InvariantCulture);
        return key == 97 - (int)(number % 97) ? i : start;
    }

    /// <summary>Checks the layout and the check letter of a codice fiscale, also where letters replace digits to tell two people apart.</summary>
    private static bool IsCodiceFiscale(ReadOnlySpan<char> word)
    {
        Span<char> code = stackalloc char[16];
        for (int i = 0; i < 16; i++)
        {
            code[i] = char.ToUpperInvariant(word[i]);
        }

        // Letters are at 0-5, 8, 11 and 15, and digits or their replacement letters (LMNPQRSTUV) at the others.
        const string Replacements = "LMNPQRSTUV";
        for (int i = 0; i < 16; i++)
        {
            bool letter = i is <= 5 or 8 or 11 or 15;
            bool ok = letter ? char.IsAsciiLetterUpper(code[i]) : char.IsAsciiDigit(code[i]) || Replacements.Contains(code[i]);
            if (!ok)
            {
                return false;
            }
        }

        if (!"ABCDEHLMPRST".Contains(code[8]))
        {
            return false;
        }

        int sum = 0;
        for (int i = 0; i < 15; i++)
        {
            char c = code[i];
            bool odd = i % 2 == 0;
            sum += char.IsAsciiDigit(c)
                ? (odd ? CodiceOddDigits[c - '0'] : c - '0')
                : (odd ? CodiceOddLetters[c - 'A'] : c - 'A');
        }

        return code[15] == (char)('A' + (sum % 26));
    }

    /// <summary>
    /// Checks the layout of a UK driving licence number: five letters of the surname (9 pads short ones), the birth
    /// decade, month (plus 50 for women), day and year digit, two initials (or 9), a digit and two check letters.
    /// </summary>
    private static bool IsBritishLicence(ReadOnlySpan<char> word)
    {
        for (int i = 0; i < 5; i++)
        {
            if (!(char.IsAsciiLetterUpper(word[i]) || word[i] == '9'))
            {
                return false;
            }
        }

        if (!IsDigits(word, 5, 6) || !char.IsAsciiDigit(word[13]) || !char.IsAsciiLetterUpper(word[14]) || !char.IsAsciiLetterUpper(word[15]))
        {
            return false;
        }

        if (!(char.IsAsciiLetterUpper(word[11]) || word[11] == '9') || !(char.IsAsciiLetterUpper(word[12]) || word[12] == '9'))
        {
            return false;
        }

        int month = ((word[6] - '0') * 10) + (word[7] - '0');
        int day = ((word[8] - '0') * 10) + (word[9] - '0');
        month = month > 50 ? month - 50 : month;
        return month is >= 1 and <= 12 && day is >= 1 and <= 31;
    }

    private static bool IsBsn(ulong number)
    {
        // Eleven test: 9, 8, ..., 2 times the first eight digits, minus the last, is a multiple of 11.
        long sum = 0;
        ulong rest = number;
        int last = (int)(rest % 10);
        rest /= 10;
        for (int weight = 2; weight <= 9; weight++)
        {
            sum += weight * (long)(rest % 10);
            rest /= 10;
        }

        return number > 0 && (sum - last) % 11 == 0;
    }

    private static bool IsPortugueseNif(ulong number)
    {
        int last = (int)(number % 10);
        ulong rest = number / 10;
        int sum = 0;
        for (int weight = 2; weight <= 9; weight++)
        {
            sum += weight * (int)(rest % 10);
            rest /= 10;
        }

        int check = 11 - (sum % 11);
        int first = (int)(number / 100_000_000);
        return first is 1 or 2 or 3 or 5 or 6 or 8 or 9 && (check >= 10 ? 0 : check) == last;
    }

    /// <summary>Reads <paramref name="count"/> digits, with single spaces, dots or dashes between groups, and returns the end.</summary>
    private static int ReadDigitGroups(ReadOnlySpan<char> text, int start, int count, out ulong number)
    {
        number = 0;
        int read = 0;
        int i = start;
        while (i < text.Length && read < count)
        {
            if (TextBoundary.IsAsciiDigit(text[i]))
            {
                number = (number * 10) + (ulong)(text[i] - '0');
                read++;
                i++;
            }
            else if (read > 0 && text[i] is ' ' or '.' or '-' && i + 1 < text.Length && TextBoundary.IsAsciiDigit(text[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return read == count && EndsWord(text, i) && !(i < text.Length && text[i] is '.' or '-' && i + 1 < text.Length && TextBoundary.IsAsciiDigit(text[i + 1]))
            ? i
            : start;
    }

    private static bool IsOneWord(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasLetter(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static int SkipSeparator(ReadOnlySpan<char> text, int i) => i < text.Length && text[i] is '-' or ' ' ? i + 1 : i;

    private static int TokenEnd(ReadOnlySpan<char> text, int start)
    {
        int i = start;
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (char c in text)
        {
            count += TextBoundary.IsAsciiDigit(c) ? 1 : 0;
        }

        return count;
    }

    private static bool IsDigits(ReadOnlySpan<char> text, int start, int count) =>
        start + count <= text.Length && TextBoundary.AreAsciiDigits(text.Slice(start, count));

    private static bool EndsWord(ReadOnlySpan<char> text, int end) => end >= text.Length || !char.IsLetterOrDigit(text[end]);
}
