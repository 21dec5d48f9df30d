using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Finds street addresses in free text after a label: <c>new address: 12 Baker Street, London</c>,
/// <c>moved to 5 rue de Rivoli</c>, <c>Anschrift: Hauptstraße 12</c>. Labels are read in English, German, French,
/// Spanish, Italian, Portuguese and Dutch, in any letter case. The words after the label, up to the end of the clause,
/// must read as a street line with a house number, as street columns are classified, and may end with the locality
/// after commas. The longest such run is reported. Streets without a label are not reported, since a number and a
/// capitalised word are too common in notes.
/// </summary>
public sealed class StreetAddressDetector : LabelledValueDetector
{
    /// <summary>How many characters of separators and joining words may stand between a label and its street.</summary>
    private const int MaximumGap = 12;

    /// <summary>How many characters after a label are read for a street line and its locality.</summary>
    private const int MaximumLength = 120;

    /// <summary>How many characters before a street are read for a word that names an institution.</summary>
    private const int InstitutionWindow = 20;

    private static readonly HashSet<string> InstitutionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "branch", "office", "store", "shop", "headquarters", "hq", "atm", "filiale", "geschäftsstelle", "zweigstelle",
        "agence", "succursale", "sucursal", "oficina", "filial", "agenzia", "kantoor", "vestiging",
    };

    private static readonly HashSet<string> ProseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "from", "in", "to", "and", "or", "for", "with", "at", "on", "by", "into", "than", "minutes", "minute",
        "hours", "hour", "days", "day", "weeks", "months", "years", "times", "accounts", "cards", "transactions",
    };

    private static readonly HashSet<string> StreetAbbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "st", "str", "ave", "av", "rd", "blvd", "ln", "dr", "ct", "pl", "sq", "hwy", "pkwy", "ter", "apt", "no", "nr", "mt",
        "ft", "n", "s", "e", "w", "ne", "nw", "se", "sw", "bd", "pza", "avda",
    };

    private static readonly TextLabels Search = new(
        [
            "address", "addr.", "addr", "new address", "home address", "mailing address", "postal address", "lives at",
            "living at", "resides at", "residing at", "moved to", "relocated to", "send to", "sent to", "deliver to",
            "adresse", "anschrift", "neue adresse", "neue anschrift", "wohnhaft in", "wohnhaft", "wohnt in", "umgezogen nach",
            "umgezogen in", "zieht um nach", "zieht nach", "verzogen nach",
            "domicile", "domicilié au", "domiciliée au", "demeurant au", "nouvelle adresse",
            "dirección", "direccion", "domicilio", "vive en", "nueva dirección",
            "indirizzo", "residente in", "abita in", "morada", "endereço", "endereco", "reside em", "mora em", "adres",
            "woont op", "woont aan", "nieuw adres",
        ],
        ["is", "now", "at", "to", "in", "en", "au", "op", "em", "nach", "ist", "jetzt"],
        MaximumGap);

    /// <summary>Creates the detector.</summary>
    public StreetAddressDetector()
        : base(Search)
    {
    }

    /// <inheritdoc />
    public override PiiKind Kind => PiiKind.PostalAddress;

    /// <inheritdoc />
    private protected override bool TryReadValue(ReadOnlySpan<char> text, int start, string label, out int end, out bool valid)
    {
        end = StreetEnd(text, start);
        valid = true;
        return end > start && !NamesInstitution(text, start, end);
    }

    /// <summary>
    /// Returns true when a word such as branch, office, Filiale or agence is shortly before the street, in it or
    /// right after it. The address is then an institution's: 'Branch address: 1 Market Street', '10 Park Lane branch'.
    /// </summary>
    private static bool NamesInstitution(ReadOnlySpan<char> text, int start, int end)
    {
        // The street's own words, the words of the label's phrase before it, and the one word after it.
        int from = Math.Max(0, start - InstitutionWindow);
        int to = end;
        while (to < text.Length && text[to] == ' ')
        {
            to++;
        }

        while (to < text.Length && char.IsLetter(text[to]))
        {
            to++;
        }

        foreach (Range word in text[from..to].Split(' '))
        {
            ReadOnlySpan<char> token = text[from..to][word].Trim(",.:;()");
            if (InstitutionWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the end of the longest run of words from <paramref name="start"/> that reads as a street line, or <paramref name="start"/>.</summary>
    private static int StreetEnd(ReadOnlySpan<char> text, int start)
    {
        int clauseEnd = ClauseEnd(text, start);
        string clause = text[start..clauseEnd].ToString();
        for (int end = clause.Length; end > 0; end = clause.LastIndexOf(' ', end - 1))
        {
            string candidate = clause[..end].TrimEnd(' ', ',');
            bool endsClause = clause[candidate.Length..].Trim(' ', ',', '.').Length == 0;
            if (candidate.Length == 0 || !StreetLines.IsStreetLine(candidate) || !HasPlaceLocality(candidate, endsClause) || HasProseWord(candidate))
            {
                continue;
            }

            // A full stop after the street ends the sentence unless the street needs it (12 Main St.).
            bool sentenceEnd = candidate[^1] == '.' && StreetLines.IsStreetLine(candidate[..^1]);
            int streetEnd = candidate.Length - (sentenceEnd ? 1 : 0);
            return start + (candidate.Contains(',', StringComparison.Ordinal) ? streetEnd : LocalityEnd(clause, streetEnd));
        }

        return start;
    }

    /// <summary>
    /// Returns true when every part after a comma reads as a place: capitalised words and postcodes, as in
    /// <c>12 Baker Street, London NW1 6XE</c>. In prose the next clause often follows a comma (<c>420 sycamore way, fee of
    /// $35 waived</c>), which a street column's locality test would take for a place.
    /// </summary>
    private static bool HasPlaceLocality(string candidate, bool clauseEnd)
    {
        string[] parts = candidate.Split(',');
        if (parts.Length == 1)
        {
            return true;
        }

        // Flat 2, 8 King St: house and flat numbers count as place words too. The last part must hold a postcode or end
        // the clause, so ', Customer requested' after the town is not read as a second town.
        string[] last = parts[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Skip(1).SelectMany(part => part.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .All(word => char.IsUpper(word[0]) || char.IsAsciiDigit(word[0]) || IsPostcodeWord(word))
            && (clauseEnd || last.Any(IsPostcodeWord));
    }

    // Words of prose that a street line never contains, though a number and a street type may stand around them:
    // 'moved to 2 accounts in the same branch', 'lives at 5 minutes from the park'.
    private static bool HasProseWord(string candidate) =>
        candidate.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Any(ProseWords.Contains);

    /// <summary>
    /// Returns the end of the locality that follows a street without a comma, as in <c>12 Baker Street London NW1 6XE</c>
    /// or <c>Hauptstraße 12 10115 Berlin</c>: up to five capitalised words and postcodes, taken only through a postcode
    /// and, after a postcode of digits, the town's word, so a street followed by ordinary words keeps them.
    /// </summary>
    private static int LocalityEnd(string clause, int streetEnd)
    {
        int end = streetEnd;
        int position = streetEnd;
        int words = 0;
        int afterPostcode = -1;
        while (words < 5)
        {
            int wordStart = position;
            while (wordStart < clause.Length && clause[wordStart] == ' ')
            {
                wordStart++;
            }

            int wordEnd = wordStart;
            while (wordEnd < clause.Length && clause[wordEnd] is not (' ' or ','))
            {
                wordEnd++;
            }

            string word = clause[wordStart..wordEnd];
            if (word.Length == 0 || !(IsPostcodeWord(word) || (char.IsUpper(word[0]) && word.All(char.IsLetter))))
            {
                break;
            }

            words++;
            position = wordEnd;
            if (IsPostcodeWord(word))
            {
                end = wordEnd;

                // A postcode of digits precedes its town (10115 Berlin); one of letters and digits follows it (NW1 6XE).
                afterPostcode = word.All(char.IsAsciiDigit) ? 0 : 1;
            }
            else if (afterPostcode == 0)
            {
                end = wordEnd;
                afterPostcode++;
            }
        }

        return end;
    }

    // 62704, 10115, NW1, 6XE, SW1A: three to ten digits and capitals with a digit among them.
    private static bool IsPostcodeWord(string word) =>
        word.Length is >= 3 and <= 10 && word.Any(char.IsAsciiDigit) && word.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c) || c == '-');

    /// <summary>
    /// Returns where the clause that starts at <paramref name="start"/> ends: at a line break, a semicolon, a bracket, a
    /// quote, a full stop followed by a space or the end (but not the dot of an abbreviation such as <c>St.</c> inside
    /// the street), or after <see cref="MaximumLength"/> characters.
    /// </summary>
    private static int ClauseEnd(ReadOnlySpan<char> text, int start)
    {
        int limit = Math.Min(text.Length, start + MaximumLength);
        for (int i = start; i < limit; i++)
        {
            if (text[i] is '\n' or '\r' or ';' or '(' or ')' or '"' or '|' or '!' or '?')
            {
                return i;
            }

            if (text[i] == '.' && (i + 1 == text.Length || text[i + 1] == ' ') && !IsAbbreviationDot(text, i))
            {
                return i;
            }
        }

        return limit;
    }

    // A dot after an abbreviation of a street line, such as St., Ave., Str. or Apt., is not the end of a sentence; after
    // a town such as Wien. it is.
    private static bool IsAbbreviationDot(ReadOnlySpan<char> text, int dot)
    {
        int wordStart = dot;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        return StreetAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text[wordStart..dot]);
    }
}
