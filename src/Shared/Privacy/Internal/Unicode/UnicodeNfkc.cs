using System.Globalization;
using System.Reflection;
using System.Text;
using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Internal.Unicode;

/// <summary>
/// Unicode normalization form KC (UAX #15): compatibility decomposition, canonical ordering of combining marks, then
/// canonical composition. The builds run in globalization-invariant mode, where <see cref="string.Normalize()"/> leaves
/// non-ASCII text unchanged, so the project carries its own tables (<c>nfkc-table.txt</c>, from Unicode 14.0 by
/// <c>generate-nfkc-table.py</c>). A decomposed name (an accent as its own code point) and its composed form then
/// normalise alike, and so do full-width letters and their ASCII forms.
/// </summary>
internal static class UnicodeNfkc
{
    private const string ResourceName = "SyntheticData.Privacy.nfkc-table.txt";

    // Hangul syllables decompose and compose by arithmetic (Unicode chapter 3.12).
    private const int SyllableBase = 0xAC00;
    private const int LeadingBase = 0x1100;
    private const int VowelBase = 0x1161;
    private const int TrailingBase = 0x11A7;
    private const int LeadingCount = 19;
    private const int VowelCount = 21;
    private const int TrailingCount = 28;
    private const int SyllableCount = LeadingCount * VowelCount * TrailingCount;

    private static readonly Lazy<Tables> Data = new(Load);

    /// <summary>Returns <paramref name="value"/> in normalization form KC; ASCII text comes back as it is.</summary>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Ascii.IsValid(value))
        {
            return value;
        }

        Tables tables = Data.Value;
        List<int> points = Decompose(value, tables);
        OrderMarks(points, tables);
        Compose(points, tables);
        var builder = new StringBuilder(value.Length);
        foreach (int point in points)
        {
            builder.Append(char.ConvertFromUtf32(point));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Returns <paramref name="value"/> in normalization form KC with, for each of its characters, the range of the input
    /// that gave it, so that a match found in the normalised text can be replaced in the original. The input is normalised
    /// piece by piece, each piece a character with its combining marks (and a Hangul syllable's jamo), and every character of
    /// a piece maps to the whole piece. ASCII text comes back as it is, with null ranges.
    /// </summary>
    public static string Normalize(string value, out int[]? sourceStarts, out int[]? sourceEnds) =>
        MapPieces(value, static (piece, _, builder) => builder.Append(Normalize(piece)), out sourceStarts, out sourceEnds);

    /// <summary>
    /// Returns the form in which two spellings of one name compare equal, ignoring case: the compatibility decomposition
    /// without its combining marks (José and Jose, Nguyễn and Nguyen), with ß as ss. Like
    /// <see cref="Normalize(string, out int[], out int[])"/>, it gives each character's range in the input, and ASCII text
    /// comes back as it is, with null ranges.
    /// </summary>
    public static string SearchForm(string value, out int[]? sourceStarts, out int[]? sourceEnds) =>
        MapPieces(value, AppendSearchForm, out sourceStarts, out sourceEnds);

    /// <summary>Returns the search form of <paramref name="value"/> without the ranges.</summary>
    public static string SearchForm(string value) => SearchForm(value, out _, out _);

    /// <summary>
    /// Writes each piece of <paramref name="value"/> (a character with its combining marks, and a Hangul syllable's jamo)
    /// through <paramref name="writePiece"/>, and maps every character written to the whole piece it came from. ASCII text
    /// comes back as it is, with null ranges.
    /// </summary>
    private static string MapPieces(string value, Action<string, Tables, StringBuilder> writePiece, out int[]? sourceStarts, out int[]? sourceEnds)
    {
        ArgumentNullException.ThrowIfNull(value);
        sourceStarts = null;
        sourceEnds = null;
        if (Ascii.IsValid(value))
        {
            return value;
        }

        Tables tables = Data.Value;
        var builder = new StringBuilder(value.Length);
        var starts = new List<int>(value.Length);
        var ends = new List<int>(value.Length);
        int start = 0;
        while (start < value.Length)
        {
            int end = start + Width(value, start);
            while (end < value.Length && Continues(PointAt(value, end), tables))
            {
                end += Width(value, end);
            }

            int before = builder.Length;
            writePiece(value[start..end], tables, builder);
            for (int i = before; i < builder.Length; i++)
            {
                starts.Add(start);
                ends.Add(end);
            }

            start = end;
        }

        sourceStarts = [.. starts];
        sourceEnds = [.. ends];
        return builder.ToString();
    }

    /// <summary>
    /// Appends the compatibility decomposition of <paramref name="piece"/> without combining marks and default-ignorable
    /// characters (a soft hyphen in <c>Ja\u00ADne</c>), with ß as ss.
    /// </summary>
    private static void AppendSearchForm(string piece, Tables tables, StringBuilder builder)
    {
        foreach (int point in Decompose(piece, tables))
        {
            if (TextFolding.IsInvisible(point))
            {
                continue;
            }

            if (point is 0x00DF or 0x1E9E)
            {
                builder.Append("ss");
            }
            else if (tables.Class(point) == 0)
            {
                builder.Append(char.ConvertFromUtf32(point));
            }
        }
    }

    // A lone surrogate counts as one character of its own.
    private static int Width(string value, int at) =>
        char.IsHighSurrogate(value[at]) && at + 1 < value.Length && char.IsLowSurrogate(value[at + 1]) ? 2 : 1;

    private static int PointAt(string value, int at) =>
        Width(value, at) == 2 ? char.ConvertToUtf32(value[at], value[at + 1]) : value[at];

    /// <summary>True for a combining mark, or a Hangul vowel or final consonant, which joins the piece before it.</summary>
    private static bool Continues(int point, Tables tables) =>
        tables.Class(point) != 0 || point is >= VowelBase and < VowelBase + VowelCount or > TrailingBase and < TrailingBase + TrailingCount;

    private static List<int> Decompose(string value, Tables tables)
    {
        var points = new List<int>(value.Length + 4);
        foreach (Rune rune in value.EnumerateRunes())
        {
            int point = rune.Value;
            int syllable = point - SyllableBase;
            if (syllable is >= 0 and < SyllableCount)
            {
                points.Add(LeadingBase + (syllable / (VowelCount * TrailingCount)));
                points.Add(VowelBase + (syllable % (VowelCount * TrailingCount) / TrailingCount));
                if (syllable % TrailingCount != 0)
                {
                    points.Add(TrailingBase + (syllable % TrailingCount));
                }
            }
            else if (tables.Decompositions.TryGetValue(point, out int[]? parts))
            {
                points.AddRange(parts);
            }
            else
            {
                points.Add(point);
            }
        }

        return points;
    }

    /// <summary>Sorts each run of combining marks by combining class, keeping the order of marks of one class.</summary>
    private static void OrderMarks(List<int> points, Tables tables)
    {
        for (int i = 1; i < points.Count; i++)
        {
            int point = points[i];
            int combining = tables.Class(point);
            if (combining == 0)
            {
                continue;
            }

            int j = i;
            while (j > 0 && tables.Class(points[j - 1]) > combining)
            {
                points[j] = points[j - 1];
                j--;
            }

            points[j] = point;
        }
    }

    /// <summary>Joins each starter with the following marks and starters it composes with, unless a mark between blocks them.</summary>
    private static void Compose(List<int> points, Tables tables)
    {
        int starter = -1;
        int lastClass = 0;
        int write = 0;
        for (int read = 0; read < points.Count; read++)
        {
            int point = points[read];
            int combining = tables.Class(point);
            bool blocked = starter >= 0 && write > starter + 1 && (lastClass == 0 || lastClass >= combining);
            if (starter >= 0 && !blocked && TryCompose(points[starter], point, tables, out int composite))
            {
                points[starter] = composite;
                continue;
            }

            if (combining == 0)
            {
                starter = write;
            }

            lastClass = combining;
            points[write++] = point;
        }

        points.RemoveRange(write, points.Count - write);
    }

    private static bool TryCompose(int first, int second, Tables tables, out int composite)
    {
        int leading = first - LeadingBase;
        int vowel = second - VowelBase;
        if (leading is >= 0 and < LeadingCount && vowel is >= 0 and < VowelCount)
        {
            composite = SyllableBase + (((leading * VowelCount) + vowel) * TrailingCount);
            return true;
        }

        int syllable = first - SyllableBase;
        int trailing = second - TrailingBase;
        if (syllable is >= 0 and < SyllableCount && syllable % TrailingCount == 0 && trailing is > 0 and < TrailingCount)
        {
            composite = first + trailing;
            return true;
        }

        return tables.Compositions.TryGetValue(((long)first << 21) | (uint)second, out composite);
    }

    private static Tables Load()
    {
        using Stream stream = typeof(UnicodeNfkc).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var tables = new Tables();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] fields = line.Split(' ');
            int point = Hex(fields[1]);
            switch (fields[0])
            {
                case "D":
                    tables.Decompositions[point] = [.. fields.Skip(2).Select(Hex)];
                    break;
                case "C":
                    tables.Classes[point] = byte.Parse(fields[2], CultureInfo.InvariantCulture);
                    break;
                case "P":
                    tables.Compositions[((long)point << 21) | (uint)Hex(fields[2])] = Hex(fields[3]);
                    break;
                default:
                    throw new InvalidDataException($"Line '{line}' of {ResourceName} starts with an unknown tag.");
            }
        }

        return tables;
    }

    private static int Hex(string text) => int.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private sealed class Tables
    {
        public Dictionary<int, int[]> Decompositions { get; } = [];

        public Dictionary<int, byte> Classes { get; } = [];

        public Dictionary<long, int> Compositions { get; } = [];

        public int Class(int point) => point < 0x300 ? 0 : Classes.GetValueOrDefault(point);
    }
}
