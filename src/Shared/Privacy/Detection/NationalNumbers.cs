using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Tells which country a column of phone numbers written in national format, without a country prefix, most likely
/// comes from, and which country the language of an extract's headers points to.
/// </summary>
public static class NationalNumbers
{
    /// <summary>
    /// The regions tried, in the order that breaks a tie when the headers name no language: English headers make an
    /// English-speaking country the likelier, so an Australian 0412 345 678, which is also a valid German number, is AU.
    /// </summary>
    public static readonly IReadOnlyList<string> Candidates =
        ["US", "GB", "AU", "IE", "CA", "IN", "DE", "FR", "ES", "IT", "NL", "BE", "AT", "CH", "PL", "SE", "DK", "NO", "PT"];

    // Ofcom's ranges for drama programmes, written with the trunk prefix 0: each is followed by three more digits.
    // libphonenumber rejects some of them (07700 900xxx) as unassigned, yet test and sample extracts use them because
    // they reach no one.
    private static readonly string[] BritishDramaRanges =
    [
        "01134960", "01144960", "01154960", "01164960", "01174960", "01184960", "01214960", "01314960", "01414960",
        "01514960", "01614960", "02079460", "01914980", "02890180", "02920180", "01632960", "07700900", "08081570",
        "09098790", "03069990",
    ];

    // Header words of one language each, and the country whose numbers and dates such an extract most likely holds.
    private static readonly Dictionary<string, string> LanguageWords = new(StringComparer.Ordinal)
    {
        ["vorname"] = "DE", ["nachname"] = "DE", ["straße"] = "DE", ["strasse"] = "DE", ["geburtsdatum"] = "DE",
        ["telefonnummer"] = "DE", ["handy"] = "DE", ["handynummer"] = "DE", ["plz"] = "DE", ["wohnort"] = "DE",
        ["kundennummer"] = "DE", ["anschrift"] = "DE", ["bemerkung"] = "DE", ["bemerkungen"] = "DE", ["kommentar"] = "DE",
        ["anmerkung"] = "DE", ["anmerkungen"] = "DE", ["hinweis"] = "DE", ["notiz"] = "DE",
        ["prénom"] = "FR", ["prenom"] = "FR", ["téléphone"] = "FR", ["portable"] = "FR", ["adresse"] = "FR",
        ["naissance"] = "FR", ["courriel"] = "FR", ["ville"] = "FR", ["commentaire"] = "FR", ["identifiant"] = "FR", ["remarque"] = "FR", ["remarques"] = "FR",
        ["nombre"] = "ES", ["apellidos"] = "ES", ["apellido"] = "ES", ["teléfono"] = "ES", ["móvil"] = "ES",
        ["movil"] = "ES", ["dirección"] = "ES", ["direccion"] = "ES", ["nacimiento"] = "ES", ["correo"] = "ES",
        ["observaciones"] = "ES", ["localidad"] = "ES", ["municipio"] = "ES",
        ["cognome"] = "IT", ["cellulare"] = "IT", ["indirizzo"] = "IT", ["nascita"] = "IT", ["codice"] = "IT",
        ["comune"] = "IT", ["città"] = "IT", ["citta"] = "IT", ["commento"] = "IT", ["osservazioni"] = "IT",
        ["apelido"] = "PT", ["apelidos"] = "PT", ["telefone"] = "PT", ["telemóvel"] = "PT", ["telemovel"] = "PT",
        ["morada"] = "PT", ["nascimento"] = "PT", ["localidade"] = "PT", ["concelho"] = "PT",
        ["voornaam"] = "NL", ["achternaam"] = "NL", ["telefoonnummer"] = "NL", ["telefoon"] = "NL", ["mobiel"] = "NL",
        ["adres"] = "NL", ["woonplaats"] = "NL", ["geboortedatum"] = "NL", ["opmerkingen"] = "NL", ["klantnummer"] = "NL",
    };

    /// <summary>
    /// Returns how many of <paramref name="values"/> read as phone numbers of <paramref name="region"/> written in national
    /// format. A value counts when it is a valid number of the region. In regions whose national numbers start with the
    /// trunk prefix 0 (GB, DE, FR and most of Europe) it must start with 0, since a number written there without it is
    /// more likely another country's. In GB, numbers of Ofcom's ranges for drama count too.
    /// </summary>
    public static int Count(IReadOnlyList<string> values, string region)
    {
        ArgumentNullException.ThrowIfNull(values);
        var detector = new PhoneDetector(region);
        PhoneRegionProfile profile = PhoneRegionProfile.For(region);
        int count = 0;
        foreach (string value in values)
        {
            string trimmed = value.Trim();
            bool counts = (region == "GB" && IsBritishDramaNumber(trimmed))
                || (!profile.LacksTrunkPrefix(trimmed) && detector.Validate(trimmed) == ValueCheck.Valid);
            count += counts ? 1 : 0;
        }

        return count;
    }

    /// <summary>Returns true when the header names phone numbers, in any of the languages that headers are read in.</summary>
    public static bool IsPhoneHeader(string header) => HeaderHints.Match(header)?.Kind == PiiKind.Phone;

    /// <summary>
    /// Returns the country that most of the headers' language-specific words point to, or null when none does or two
    /// tie. Words such as <c>telefone</c>, <c>voornaam</c> or <c>cognome</c> belong to one language; English and words
    /// shared by several languages count for none.
    /// </summary>
    public static string? RegionOfHeaders(IEnumerable<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string header in headers)
        {
            foreach (string token in HeaderHints.Tokenize(header))
            {
                if (LanguageWords.TryGetValue(token, out string? region))
                {
                    counts[region] = counts.GetValueOrDefault(region) + 1;
                }
            }
        }

        if (counts.Count == 0)
        {
            return null;
        }

        int top = counts.Values.Max();
        string[] leaders = [.. counts.Where(pair => pair.Value == top).Select(pair => pair.Key)];
        return leaders.Length == 1 ? leaders[0] : null;
    }

    /// <summary>Returns true for a UK number in one of Ofcom's ranges for drama, written nationally or with +44 or 0044.</summary>
    internal static bool IsBritishDramaNumber(ReadOnlySpan<char> value)
    {
        Span<char> digits = stackalloc char[16];
        int length = 0;
        foreach (char c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (length == digits.Length)
                {
                    return false;
                }

                digits[length++] = c;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '+'))
            {
                return false;
            }
        }

        ReadOnlySpan<char> national = digits[..length];
        if (value.TrimStart().StartsWith("+") && national.StartsWith("44"))
        {
            national = national[2..];
        }
        else if (national.StartsWith("0044"))
        {
            national = national[4..];
        }
        else if (national.StartsWith("0"))
        {
            national = national[1..];
        }
        else
        {
            return false;
        }

        if (national.Length != 10)
        {
            return false;
        }

        foreach (string range in BritishDramaRanges)
        {
            if (national.StartsWith(range.AsSpan(1)))
            {
                return true;
            }
        }

        return false;
    }
}
