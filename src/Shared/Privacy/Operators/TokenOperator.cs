using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Internal;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Operators;

/// <summary>
/// Replaces card, account and IBAN numbers with FF1 format-preserving tokens of the same length and layout
/// (spaces and dashes stay where they were). Each number in a cell is tokenized on its own.
/// A token of 12 or more digits is given a wrong Luhn check digit, and an IBAN token a wrong mod-97
/// remainder, so a rescan never reports a token as a live card or account number.
/// Numbers shorter than FF1's six-digit minimum get keyed hash digits instead, so that a column is
/// protected whole even where a value is too short to be a real card.
/// When a detectability check is given, a token that the check flags (for example a digit run inside an
/// IBAN token that happens to pass as a card or phone number) is encrypted again under the next tweak,
/// up to <see cref="MaximumAttempts"/> times; the result stays deterministic for one key version.
/// </summary>
public sealed class TokenOperator : ColumnOperator
{
    /// <summary>Tweaks tried before the letters and digits of a value are masked instead.</summary>
    public const int MaximumAttempts = 16;

    private const int ShortestCardLength = 12;
    private const int IssuerPrefixLength = 6;

    private readonly Ff1Tokenizer _tokenizer;
    private readonly HmacPseudonymizer _pseudonymizer;
    private readonly TokenKind _kind;
    private readonly bool _preserveIssuerPrefix;
    private readonly Func<string, bool>? _isDetectable;
    private readonly BoundedCache _cache = new(BoundedCache.DefaultCapacity);

    /// <summary>Creates a token operator.</summary>
    /// <param name="tokenizer">The FF1 tokenizer of the key version.</param>
    /// <param name="pseudonymizer">The keyed hash used for numbers too short for FF1.</param>
    /// <param name="kind">What the column holds.</param>
    /// <param name="preserveIssuerPrefix">Keeps the first six digits (the card brand and issuer) of card numbers.</param>
    /// <param name="isDetectable">Returns true when a rescan would report personal data in a token; null skips the check.</param>
    public TokenOperator(
        Ff1Tokenizer tokenizer,
        HmacPseudonymizer pseudonymizer,
        TokenKind kind,
        bool preserveIssuerPrefix,
        Func<string, bool>? isDetectable = null)
    {
        _isDetectable = isDetectable;
        _tokenizer = tokenizer;
        _pseudonymizer = pseudonymizer;
        _kind = kind;
        _preserveIssuerPrefix = preserveIssuerPrefix;
    }

    public override OperatorKind Kind => OperatorKind.Token;

    public override bool TryApply(string value, RowContext row, out string output)
    {
        output = _cache.GetOrAdd(value, TokenizeChecked);
        return true;
    }

    private string TokenizeChecked(string value)
    {
        string output;
        for (int attempt = 0; attempt < MaximumAttempts; attempt++)
        {
            output = Tokenize(value, attempt == 0 ? string.Empty : "#" + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (_isDetectable is null || !_isDetectable(output))
            {
                return output;
            }
        }

        // Every tweak still looked like personal data: hide the letters and digits instead of leaking a look-alike.
        return new string(value.Select(c => char.IsAsciiLetterOrDigit(c) ? '*' : c).ToArray());
    }

    private string Tokenize(string value, string tweakSuffix)
    {
        char[] chars = value.ToCharArray();
        if (_kind == TokenKind.Iban)
        {
            TokenizeIban(chars, tweakSuffix);
        }
        else
        {
            foreach ((int start, int end) in NumberRuns.Find(value))
            {
                TokenizeNumber(chars.AsSpan(start, end - start), tweakSuffix);
            }
        }

        return new string(chars);
    }

    private void TokenizeNumber(Span<char> run, string tweakSuffix)
    {
        byte[] digits = ReadDigits(run);
        int length = digits.Length;
        bool cardLength = length >= ShortestCardLength;

        // The check digit is recomputed below, so it is not encrypted.
        int payloadEnd = cardLength ? length - 1 : length;
        int payloadStart = _kind == TokenKind.Card && _preserveIssuerPrefix && cardLength ? IssuerPrefixLength : 0;
        Encrypt(digits.AsSpan(payloadStart, payloadEnd - payloadStart), radix: 10, tweak: _kind + tweakSuffix);

        if (cardLength)
        {
            int validCheck = Checksums.LuhnCheckDigit(digits.AsSpan(0, length - 1));
            digits[length - 1] = (byte)((validCheck + 1) % 10);
        }

        WriteDigits(run, digits);
    }

    private void TokenizeIban(char[] chars, string tweakSuffix)
    {
        // Letters and digits after the country code are encrypted separately, each in its own alphabet,
        // so the token keeps the IBAN's shape: two letters, two check digits, then the account part.
        var digitPositions = new List<int>();
        var letterPositions = new List<int>();
        int alphanumericSeen = 0;
        foreach ((char c, int index) in chars.Select((c, index) => (c, index)))
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                continue;
            }

            bool isCountryCode = alphanumericSeen < 2 && char.IsAsciiLetter(c);
            alphanumericSeen++;
            if (isCountryCode)
            {
                continue;
            }

            (char.IsAsciiDigit(c) ? digitPositions : letterPositions).Add(index);
        }

        byte[] digits = digitPositions.Select(i => (byte)(chars[i] - '0')).ToArray();
        Encrypt(digits, radix: 10, tweak: "iban-digits" + tweakSuffix);
        byte[] letters = letterPositions.Select(i => (byte)(char.ToUpperInvariant(chars[i]) - 'A')).ToArray();
        Encrypt(letters, radix: 26, tweak: "iban-letters" + tweakSuffix);

        for (int i = 0; i < digits.Length; i++)
        {
            chars[digitPositions[i]] = (char)('0' + digits[i]);
        }

        for (int i = 0; i < letters.Length; i++)
        {
            char letter = (char)('A' + letters[i]);
            chars[letterPositions[i]] = char.IsAsciiLetterLower(chars[letterPositions[i]]) ? char.ToLowerInvariant(letter) : letter;
        }

        string compact = new string(chars.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        if (compact.Length >= 5 && digitPositions.Count > 0 && Checksums.IbanRemainder(compact) == 1)
        {
            // Changing one digit changes the remainder, so the token can no longer pass as a valid IBAN.
            int position = digitPositions[Math.Min(1, digitPositions.Count - 1)];
            chars[position] = (char)('0' + ((chars[position] - '0' + 1) % 10));
        }
    }

    private void Encrypt(Span<byte> symbols, int radix, string tweak)
    {
        if (symbols.IsEmpty)
        {
            return;
        }

        if (Math.Pow(radix, symbols.Length) >= 1_000_000)
        {
            _tokenizer.Encrypt(symbols, radix, tweak);
            return;
        }

        // Too short for FF1: replace the symbols with keyed hash symbols, which hides them just as well
        // but may map two short inputs to one output.
        string text = tweak + ":" + string.Join(',', symbols.ToArray());
        Span<byte> hash = stackalloc byte[32];
        _pseudonymizer.ComputeHash(text, hash);
        for (int i = 0; i < symbols.Length; i++)
        {
            symbols[i] = (byte)(hash[i] % radix);
        }
    }

    private static byte[] ReadDigits(ReadOnlySpan<char> run)
    {
        var digits = new byte[NumberRuns.CountDigits(run)];
        int next = 0;
        foreach (char c in run)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[next++] = (byte)(c - '0');
            }
        }

        return digits;
    }

    private static void WriteDigits(Span<char> run, byte[] digits)
    {
        int next = 0;
        for (int i = 0; i < run.Length; i++)
        {
            if (char.IsAsciiDigit(run[i]))
            {
                run[i] = (char)('0' + digits[next++]);
            }
        }
    }
}
