using System.Text;
using PhoneNumbers;
using SyntheticData.Privacy.Internal.Unicode;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Crypto;

/// <summary>
/// Normalises a value of a given kind before it is hashed, so that one customer gets one pseudonym
/// however an extract writes the value. Every kind is first put in Unicode normalization form KC. Then
/// e-mail is trimmed and lower-cased; phone parsed with libphonenumber and written as E.164 (digits only
/// when it does not parse); card digits only; IBAN and identifiers letters and digits in upper case;
/// names case-folded and with whitespace collapsed; anything else trimmed.
/// A phone or card value without any digit keeps its trimmed text instead of becoming empty, so that unrelated
/// values written into such a column (a name, an e-mail address) do not all share one pseudonym.
/// </summary>
public static class ValueNormalizer
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Returns the normalised form of <paramref name="value"/>.</summary>
    /// <param name="value">The cell text; not a null marker.</param>
    /// <param name="kind">The kind of value.</param>
    /// <param name="phoneRegion">ISO 3166-1 alpha-2 region for phone numbers written without a country prefix.</param>
    public static string Normalize(string value, ValueKind kind, string? phoneRegion = null)
    {
        ArgumentNullException.ThrowIfNull(value);

        // Every kind is read in Unicode form KC first, so that a decomposed accent, a full-width digit or a ligature
        // gives the pseudonym of its usual form. ASCII text is left as it is.
        value = UnicodeNfkc.Normalize(value);
        string normalized = kind switch
        {
            ValueKind.Email => LowerEmail(value.Trim()),
            ValueKind.Phone => NormalizePhone(value, phoneRegion),
            ValueKind.Card => KeepCharacters(value, lettersToo: false),
            ValueKind.Iban or ValueKind.Identifier => UpperFolded(KeepCharacters(value, lettersToo: true)),
            ValueKind.Name => NormalizeName(value),
            _ => value.Trim(),
        };
        return normalized.Length == 0 && kind is ValueKind.Phone or ValueKind.Card ? value.Trim() : normalized;
    }

    // Upper then lower case folds letters with two lower-case forms, such as the Greek final sigma, into one. ASCII
    // addresses, almost all of them, take the plain lower-casing.
    private static string LowerEmail(string value) =>
        Ascii.IsValid(value) ? value.ToLowerInvariant() : value.ToUpperInvariant().ToLowerInvariant();

    private static string NormalizePhone(string value, string? region)
    {
        // "+1" names the country whatever the region, so "+1 212 555 0147" needs no region to be read.
        if (value.StartsWith("+1", StringComparison.Ordinal) && TryNormalizeUsTenDigits(SkipSeparator(value.AsSpan(2)), out string? e164))
        {
            return e164;
        }

        if (region == "US" && TryNormalizeUsTenDigits(value, out e164))
        {
            return e164;
        }

        return NormalizePhoneWithLibphonenumber(value, region);
    }

    /// <summary>Returns the phone normalisation computed by libphonenumber alone, the reference of the fast path.</summary>
    internal static string NormalizePhoneWithLibphonenumber(string value, string? region)
    {
        try
        {
            PhoneNumber number = Phones.Parse(value, region ?? "ZZ");
            if (Phones.IsPossibleNumber(number))
            {
                return Phones.Format(number, PhoneNumberFormat.E164);
            }
        }
        catch (NumberParseException)
        {
            // Not a parseable number: fall back to its digits, so at least formatting differences disappear.
        }

        string digits = KeepCharacters(value, lettersToo: false);
        return value.TrimStart().StartsWith('+') ? "+" + digits : digits;
    }

    // Handles the commonest US form without libphonenumber: ten digits whose first digit is 2 to 9,
    // written as 2125550147, (212) 555-0147, 212-555-0147 or 212.555.0147, also after "+1". Such a number cannot start
    // with the national prefix 1, the IDD prefix 011 or a leading zero. Ten digits is a possible length
    // for country code 1, so libphonenumber formats it as +1 and the ten digits (checked against
    // libphonenumber-csharp 9.0.43). Anything else goes to libphonenumber, and a property test compares
    // both paths over generated formats.
    private static bool TryNormalizeUsTenDigits(ReadOnlySpan<char> text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? e164)
    {
        e164 = null;
        Span<char> digits = stackalloc char[10];
        int digitCount = 0;
        int position = 0;
        bool openParenthesis = position < text.Length && text[position] == '(';
        if (openParenthesis)
        {
            position++;
        }

        // Three groups of 3, 3 and 4 digits. The area code may sit in parentheses, and one space, dash
        // or dot may follow a group.
        ReadOnlySpan<int> groupLengths = [3, 3, 4];
        for (int group = 0; group < groupLengths.Length; group++)
        {
            for (int i = 0; i < groupLengths[group]; i++)
            {
                if (position >= text.Length || !char.IsAsciiDigit(text[position]))
                {
                    return false;
                }

                digits[digitCount++] = text[position++];
            }

            if (group == 0 && openParenthesis)
            {
                if (position >= text.Length || text[position] != ')')
                {
                    return false;
                }

                position++;
            }

            if (group < 2 && position < text.Length && text[position] is ' ' or '-' or '.')
            {
                position++;
            }
        }

        if (position != text.Length || digits[0] is '0' or '1')
        {
            return false;
        }

        e164 = string.Concat("+1", digits);
        return true;
    }

    /// <summary>Skips one space, dash or dot, as between "+1" and the area code.</summary>
    private static ReadOnlySpan<char> SkipSeparator(ReadOnlySpan<char> text) =>
        text.Length > 0 && text[0] is ' ' or '-' or '.' ? text[1..] : text;

    private static string NormalizeName(string value)
    {
        var builder = new StringBuilder(value.Length);
        bool pendingSpace = false;
        foreach (char c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        // Upper then lower approximates Unicode case folding for the scripts names are written in
        // (for example the Greek final sigma folds with the medial one).
        string folded = builder.ToString().ToUpperInvariant().ToLowerInvariant();
        return Ascii.IsValid(folded) ? folded : FoldSpecialCases(folded);
    }

    // Identifiers compare in upper case. Outside ASCII they are case-folded first, as names are, so ß1 and SS1 are one.
    private static string UpperFolded(string value) =>
        Ascii.IsValid(value) ? value.ToUpperInvariant() : FoldSpecialCases(value.ToUpperInvariant().ToLowerInvariant()).ToUpperInvariant();

    // Invariant casing leaves the sharp s and the Turkish dotted and dotless i as they are, while full case folding
    // (Unicode CaseFolding.txt) maps ß to ss, and a name is written STRAUSS or Strauß, YILMAZ or Yılmaz.
    private static string FoldSpecialCases(string lower)
    {
        var builder = new StringBuilder(lower.Length + 2);
        foreach (char c in lower)
        {
            _ = c switch
            {
                '\u00DF' or '\u1E9E' => builder.Append("ss"),
                '\u0131' or '\u0130' => builder.Append('i'),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    private static string KeepCharacters(string value, bool lettersToo)
    {
        int significant = 0;
        foreach (char c in value)
        {
            if (IsSignificant(c, lettersToo))
            {
                significant++;
            }
        }

        if (significant == value.Length)
        {
            return value;
        }

        return string.Create(significant, (value, lettersToo), static (destination, state) =>
        {
            int next = 0;
            foreach (char c in state.value)
            {
                if (IsSignificant(c, state.lettersToo))
                {
                    destination[next++] = c;
                }
            }
        });
    }

    private static bool IsSignificant(char c, bool lettersToo) => char.IsAsciiDigit(c) || (lettersToo && char.IsLetter(c));
}
