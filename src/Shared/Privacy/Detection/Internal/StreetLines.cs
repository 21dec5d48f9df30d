namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>
/// Tells a street line (a house number with a street name and its type) from other text, for columns whose header
/// gives no hint. Three layouts are read:
/// <list type="bullet">
/// <item>number first, a name, then a street type: <c>351 Darlene Green</c>, <c>12 Main St. Apt. 4</c>;</item>
/// <item>a street type before the name, the number first or last: <c>5 rue de Rivoli</c>, <c>Calle Mayor 3</c>;</item>
/// <item>one word ending in a street type, then the number: <c>Hauptstraße 12</c>, <c>Lindenweg 3a</c>.</item>
/// </list>
/// The English types are the primary street suffix names of USPS Publication 28 (appendix C1) with their common
/// abbreviations. Addresses written without a house number, or in scripts without word spaces, are not read.
/// </summary>
internal static class StreetLines
{
    private const int MaximumLength = 120;
    private const int MaximumWords = 12;

    // Street types that follow the street's name (English).
    private static readonly HashSet<string> TrailingTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "alley", "aly", "annex", "anx", "arcade", "arc", "avenue", "ave", "av", "bayou", "beach", "bend", "bluff", "bluffs",
        "bottom", "boulevard", "blvd", "branch", "bridge", "brook", "brooks", "burg", "burgs", "bypass", "byp", "camp", "canyon",
        "cape", "causeway", "center", "centers", "ctr", "circle", "circles", "cir", "cliff", "cliffs", "close", "club", "common",
        "commons", "corner", "corners", "course", "court", "courts", "ct", "cove", "coves", "creek", "crescent", "cres", "crest",
        "crossing", "crossroad", "crossroads", "curve", "dale", "dam", "divide", "drive", "drives", "dr", "estate", "estates",
        "expressway", "expy", "extension", "extensions", "ext", "fall", "falls", "ferry", "field", "fields", "flat", "flats",
        "ford", "fords", "forest", "forge", "forges", "fork", "forks", "fort", "freeway", "fwy", "garden", "gardens", "gdns",
        "gateway", "glen", "glens", "green", "greens", "grove", "groves", "harbor", "harbors", "haven", "heights", "hts",
        "highway", "hwy", "hill", "hills", "hollow", "inlet", "island", "islands", "isle", "junction", "junctions", "key",
        "keys", "knoll", "knolls", "lake", "lakes", "land", "landing", "lane", "ln", "light", "lights", "loaf", "lock", "locks",
        "lodge", "loop", "mall", "manor", "manors", "meadow", "meadows", "mews", "mill", "mills", "mission", "motorway",
        "mount", "mountain", "mountains", "neck", "orchard", "oval", "overpass", "park", "parks", "parkway", "parkways", "pkwy",
        "pass", "passage", "path", "pike", "pine", "pines", "place", "pl", "plain", "plains", "plaza", "point", "points", "port",
        "ports", "prairie", "radial", "ramp", "ranch", "rapid", "rapids", "rest", "ridge", "ridges", "river", "road", "roads",
        "rd", "route", "row", "rue", "run", "shoal", "shoals", "shore", "shores", "skyway", "spring", "springs", "spur", "spurs",
        "square", "squares", "sq", "station", "stravenue", "stream", "street", "streets", "st", "summit", "terrace", "ter",
        "throughway", "trace", "track", "trafficway", "trail", "trl", "trailer", "tunnel", "turnpike", "underpass", "union",
        "unions", "valley", "valleys", "viaduct", "view", "views", "village", "villages", "ville", "vista", "walk", "walks",
        "wall", "way", "ways", "well", "wells",
    };

    // Street types that come before the street's name (Romance, Slavic and Greek languages).
    private static readonly HashSet<string> LeadingTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "rue", "avenue", "av", "boulevard", "bd", "chemin", "allée", "allee", "impasse", "place", "quai", "route", "cours",
        "calle", "c", "avenida", "avda", "paseo", "camino", "plaza", "carrer", "travesía", "via", "viale", "piazza", "corso",
        "largo", "vicolo", "strada", "rua", "travessa", "praça", "estrada", "ulica", "ul", "улица", "ул", "проспект", "пр",
        "οδός", "οδ", "λεωφόρος",
    };

    // Endings of one-word street names (German, Dutch, Scandinavian).
    private static readonly string[] CompoundEndings =
    [
        "straße", "strasse", "str.", "gasse", "weg", "allee", "platz", "damm", "ufer", "chaussee", "straat", "laan", "gracht",
        "plein", "kade", "steeg", "gatan", "vägen", "gata", "vej", "gade", "veien", "vegen",
    ];

    // Words that start the unit part after a street: apartment, suite, floor.
    private static readonly HashSet<string> UnitWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "apt", "apartment", "suite", "ste", "unit", "flat", "floor", "fl", "room", "rm", "bldg", "building", "lot", "#",
    };

    // Compass points that may follow the street type.
    private static readonly HashSet<string> Directions = new(StringComparer.OrdinalIgnoreCase)
    {
        "n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west", "northeast", "northwest", "southeast",
        "southwest",
    };

    /// <summary>Returns true when <paramref name="value"/> reads as a street line in one of the three layouts.</summary>
    public static bool IsStreetLine(string value)
    {
        if (value.Length > MaximumLength)
        {
            return false;
        }

        string[] words = value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > MaximumWords)
        {
            return false;
        }

        int street = StreetEnd(words);
        return street > 0 && (street == words.Length || IsUnitPart(words.AsSpan(street)));
    }

    /// <summary>Returns how many leading words form the street, or 0 when they do not form one.</summary>
    private static int StreetEnd(string[] words)
    {
        if (IsHouseNumber(words[0]))
        {
            // 351 Darlene Green, 10 Oak Park Road: the last street type in the run of words after the number, with at least
            // one name word before it, so that "2 Way Radio" is not a street. Only a direction or a unit may follow it.
            int run = 1;
            while (run < words.Length && IsNameWord(words[run]))
            {
                run++;
            }

            for (int i = run - 1; i >= 2; i--)
            {
                if (!TrailingTypes.Contains(Bare(words[i])))
                {
                    continue;
                }

                int end = i + 1 < words.Length && Directions.Contains(Bare(words[i + 1])) ? i + 2 : i + 1;
                if (end == words.Length || IsUnitPart(words.AsSpan(end)))
                {
                    return end;
                }
            }

            // 5 rue de Rivoli: a leading type right after the number, then name words to the end or to a unit.
            return LeadingTypes.Contains(Bare(words[1])) ? NameRunEnd(words, 2) : 0;
        }

        // Calle Mayor 3, Hauptstraße 12: the number closes the street.
        if (LeadingTypes.Contains(Bare(words[0])))
        {
            int end = NameRunEnd(words, 1);
            return end > 1 && end < words.Length && IsHouseNumber(words[end]) ? end + 1 : 0;
        }

        if (words.Length >= 2 && IsCompoundStreet(words[0]) && IsHouseNumber(words[1]))
        {
            return 2;
        }

        return 0;
    }

    /// <summary>Returns the index after the name words that start at <paramref name="start"/>, or 0 when there are none.</summary>
    private static int NameRunEnd(string[] words, int start)
    {
        int end = start;
        while (end < words.Length && IsNameWord(words[end]) && !UnitWords.Contains(Bare(words[end])))
        {
            end++;
        }

        return end > start ? end : 0;
    }

    /// <summary>Apt. 695, Suite 250, # 12, Floor 3: a unit word, then a short number or letter.</summary>
    private static bool IsUnitPart(ReadOnlySpan<string> words)
    {
        if (words.Length is < 1 or > 3)
        {
            return false;
        }

        string first = words[0];
        if (first.Length > 1 && first[0] == '#')
        {
            return words.Length == 1 && IsHouseNumber(first[1..]);
        }

        return UnitWords.Contains(Bare(first)) && words.Length == 2 && words[1].Length <= 6 && words[1].Any(char.IsAsciiLetterOrDigit);
    }

    /// <summary>12, 0069, 12a, 12-14, 12/3: one to six digits with an optional letter or second number.</summary>
    private static bool IsHouseNumber(string word)
    {
        int digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        if (digits is 0 or > 6)
        {
            return false;
        }

        ReadOnlySpan<char> rest = word.AsSpan(digits);
        return rest.IsEmpty
            || (rest.Length == 1 && char.IsAsciiLetter(rest[0]))
            || (rest.Length is >= 2 and <= 5 && rest[0] is '-' or '/' && !rest[1..].ContainsAnyExceptInRange('0', '9'));
    }

    private static bool IsNameWord(string word)
    {
        ReadOnlySpan<char> bare = Bare(word);
        if (bare.IsEmpty || !char.IsLetter(bare[0]))
        {
            return false;
        }

        foreach (char c in bare)
        {
            if (!(char.IsLetter(c) || c is '-' or '\'' or '\u2019'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCompoundStreet(string word)
    {
        ReadOnlySpan<char> letters = word.AsSpan();
        foreach (string ending in CompoundEndings)
        {
            // The ending must follow a name part: "Weg 12" alone is not read as a compound.
            if (letters.Length > ending.Length + 1 && letters.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return IsNameWord(word.TrimEnd('.'));
            }
        }

        return false;
    }

    /// <summary>The word without a trailing period, so "St." and "Apt." match their lists.</summary>
    private static string Bare(string word) => word.Length > 1 && word[^1] == '.' ? word[..^1] : word;
}
