namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>
/// Distinguishes a street line (a house number with a street name and its type) from other text, for columns whose header
/// gives no hint. These layouts are read:
/// <list type="bullet">
/// <item>number first, a name, then a street type: <c>351 Darlene Green</c>, <c>12 Main St. Apt. 4</c>;</item>
/// <item>a street type before the name, the number first or last: <c>5 rue de Rivoli</c>, <c>Calle Mayor 3</c>;</item>
/// <item>a name ending in a street type, then the number: <c>Hauptstraße 12</c>, <c>Karl Johans gate 3</c>.</item>
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
        "cape", "causeway", "center", "centers", "ctr", "circle", "circles", "cir", "cliff", "cliffs", "close", "common",
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
        "unions", "valley", "valleys", "via", "viaduct", "view", "views", "village", "villages", "ville", "vista", "walk", "walks",
        "wall", "way", "ways", "well", "wells",
    };

    // Street types that come before the street's name (Romance, Slavic and Greek languages).
    private static readonly HashSet<string> LeadingTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "rue", "avenue", "av", "boulevard", "bd", "chemin", "allée", "allee", "impasse", "place", "quai", "route", "cours",
        "calle", "c", "c/", "avenida", "avda", "paseo", "camino", "plaza", "carrer", "travesía", "avinguda", "passeig", "plaça",
        "rambla", "via", "viale", "piazza", "corso",
        "largo", "vicolo", "strada", "rua", "travessa", "praça", "estrada", "ulica", "ul", "улица", "ул", "проспект", "пр",
        "am", "an", "im", "zum", "zur", "auf",
        "οδός", "οδ", "λεωφόρος",
    };

    // Leading types that are also English words: after a number they count only in lower case.
    private static readonly HashSet<string> AmbiguousLeadingTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "avenue", "av", "boulevard", "bd", "place", "route", "plaza", "cours", "c",
    };

    // Street types written as a word of their own after the name and before the number (German, Nordic, Spanish).
    private static readonly HashSet<string> NumberLastTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "allee", "allé", "straße", "strasse", "str", "weg", "platz", "gasse", "damm", "ufer", "gate", "gata", "gatan", "gade",
        "vej", "vei", "veien", "vegen", "vägen", "plads", "torv", "stræde", "straat", "laan", "plein", "kade", "boulevard",
        "vía", "ул", "улица", "пр", "проспект", "пер", "переулок", "gürtel", "ring", "markt", "quai",
    };

    // Words that may follow a house number before the street: 3 bis rue de Rivoli.
    private static readonly HashSet<string> HouseNumberSuffixes = new(StringComparer.OrdinalIgnoreCase) { "bis", "ter", "quater" };

    // Endings of one-word street names (German, Dutch, Scandinavian).
    private static readonly string[] CompoundEndings =
    [
        "straße", "strasse", "str.", "gasse", "weg", "allee", "platz", "damm", "ufer", "chaussee", "straat", "laan", "gracht",
        "plein", "kade", "steeg", "gatan", "vägen", "gata", "vej", "gade", "veien", "vegen", "ring", "markt", "quai", "gürtel",
        "steig", "pfad", "singel", "hof",
    ];

    // Words that start the unit part after a street: apartment, suite, floor.
    private static readonly HashSet<string> UnitWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "apt", "apartment", "suite", "ste", "unit", "flat", "floor", "fl", "room", "rm", "bldg", "building", "lot", "#",
        "og", "eg", "dg", "stock", "etage", "whg", "piso", "puerta", "esc", "scala", "int", "bus", "bte",
    };

    // Compass points that may follow the street type.
    private static readonly HashSet<string> Directions = new(StringComparer.OrdinalIgnoreCase)
    {
        "n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west", "northeast", "northwest", "southeast",
        "southwest",
    };

    /// <summary>
    /// Returns true when <paramref name="value"/> reads as a street line in one of the layouts, alone or followed by its
    /// locality after commas (<c>351 Darlene Green, Columbia, SC 29209</c>).
    /// </summary>
    public static bool IsStreetLine(string value)
    {
        if (value.Length > MaximumLength)
        {
            return false;
        }

        // The capital sharp s of upper-case German (STRAẞE) compares as ß.
        value = value.Replace('\u1E9E', '\u00DF');
        if (IsStreetOnly(value))
        {
            return true;
        }

        string[] parts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (int street = 1; street < parts.Length; street++)
        {
            if (parts[street..].All(IsLocality) && IsStreetOnly(string.Join(", ", parts[..street])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Columbia, SC 29209, Denver, CO 80203, 75001 Paris, SW1A 1AA: one to five words of place names, region codes and
    /// postcodes.
    /// </summary>
    private static bool IsLocality(string part)
    {
        string[] words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 5 && words.All(word => IsNameWord(word) || IsPostcodeWord(word));
    }

    // 29209, 62704-1234, 75001, SW1A, 1AA, K1A: digits (with a dash), or a short mix of capitals and digits.
    private static bool IsPostcodeWord(string word) =>
        word.Length is >= 2 and <= 10 && word.Any(char.IsAsciiDigit)
        && word.All(c => char.IsAsciiDigit(c) || c == '-' || (word.Length <= 4 && char.IsAsciiLetterUpper(c)));

    private static bool IsStreetOnly(string value)
    {
        string[] words = value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > MaximumWords)
        {
            return false;
        }

        // Flat 2, 3 High Street: a unit may also come first.
        int first = words.Length > 3 && UnitWords.Contains(Bare(words[0])) && IsUnitValue(words[1]) ? 2 : 0;
        int street = StreetEnd(words, first);
        return street > first && (street == words.Length || IsUnitPart(words.AsSpan(street)));
    }

    /// <summary>Returns the index after the words, from <paramref name="first"/>, that form the street, or 0 when they do not form one.</summary>
    private static int StreetEnd(string[] words, int first)
    {
        if (IsHouseNumber(words[first]))
        {
            return NumberFirstEnd(words, first);
        }

        // Calle Mayor 3, Via Roma 10: a leading type, name words, then the number.
        if (LeadingTypes.Contains(Bare(words[first])))
        {
            int end = NameRunEnd(words, first + 1);
            return end > first + 1 && end < words.Length && IsHouseNumber(words[end]) ? end + 1 : 0;
        }

        // Hauptstraße 12, Sankt Eriksgatan 3, Karl Johans gate 3: name words ending in a compound street name, or followed
        // by a street type that comes after the name in these languages, then the number.
        int run = first;
        while (run < words.Length && IsNameWord(words[run]))
        {
            run++;
        }

        if (run == first || run == words.Length || !IsHouseNumber(words[run]))
        {
            return 0;
        }

        string last = words[run - 1];
        bool typed = IsCompoundStreet(last) || (run - first >= 2 && NumberLastTypes.Contains(Bare(last)));
        return typed ? run + 1 : 0;
    }

    /// <summary>
    /// 351 Darlene Green, 10 Oak Park Road: the last street type in the run of words after the number, with at least one
    /// name word before it, so that "2 Way Radio" is not a street. Only a direction or a unit may follow it. Else
    /// 5 rue de Rivoli: a leading type right after the number (and a bis or ter), then name words.
    /// </summary>
    private static int NumberFirstEnd(string[] words, int number)
    {
        int name = number + 1 < words.Length && HouseNumberSuffixes.Contains(words[number + 1]) ? number + 2 : number + 1;
        int run = name;
        while (run < words.Length && IsNameWord(words[run]))
        {
            run++;
        }

        for (int i = run - 1; i > name; i--)
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

        // A leading type that is also an English word (Place, Avenue, Plaza) counts only in lower case, as French and
        // Spanish write it after a number, or in a line written all in capitals, so "6 Place Setting" is not a street.
        if (name >= words.Length || !LeadingTypes.Contains(Bare(words[name]))
            || (AmbiguousLeadingTypes.Contains(Bare(words[name])) && !char.IsLower(words[name][0]) && !AllCapitals(words)))
        {
            return 0;
        }

        int last = NameRunEnd(words, name + 1);
        return last > name + 1 ? last : 0;
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

        // 2. OG, 3. Stock: a floor number before the unit word.
        if (words.Length == 2 && first.Length is >= 2 and <= 3 && first[^1] == '.' && char.IsAsciiDigit(first[0]))
        {
            return UnitWords.Contains(Bare(words[1]));
        }

        return UnitWords.Contains(Bare(first)) && words.Length == 2 && IsUnitValue(words[1]);
    }

    /// <summary>695, 12B, A: a short number or letter after a unit word.</summary>
    private static bool IsUnitValue(string word) => word.Length <= 6 && word.Any(char.IsAsciiLetterOrDigit);

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

    /// <summary>A word of a street's name: letters with hyphens, apostrophes or the periods of initials (H.C.), or an ordinal (42nd).</summary>
    private static bool IsNameWord(string word)
    {
        ReadOnlySpan<char> bare = Bare(word);
        if (bare.IsEmpty)
        {
            return false;
        }

        if (!char.IsLetter(bare[0]))
        {
            return IsOrdinal(bare);
        }

        foreach (char c in bare)
        {
            if (!(char.IsLetter(c) || c is '-' or '\'' or '\u2019' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>1st, 2nd, 3rd, 42nd, 80th: one to three digits and an English ordinal ending.</summary>
    private static bool IsOrdinal(ReadOnlySpan<char> word)
    {
        int digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        return digits is >= 1 and <= 3 && word[digits..] is var ending
            && (ending.Equals("st", StringComparison.OrdinalIgnoreCase) || ending.Equals("nd", StringComparison.OrdinalIgnoreCase)
                || ending.Equals("rd", StringComparison.OrdinalIgnoreCase) || ending.Equals("th", StringComparison.OrdinalIgnoreCase));
    }

    private static bool AllCapitals(string[] words) => !words.Any(word => word.Any(char.IsLower));

    private static bool IsCompoundStreet(string word)
    {
        // Kaiser-Wilhelm-Ring 5, Karl-Marx-Allee 3: the type after the last hyphen.
        int hyphen = word.LastIndexOf('-');
        if (hyphen > 0 && hyphen < word.Length - 1 && IsNameWord(word)
            && (NumberLastTypes.Contains(Bare(word[(hyphen + 1)..])) || Bare(word[(hyphen + 1)..]).Equals("ring", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

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
