using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Detection.Internal;
using SyntheticData.Privacy.Internal;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Operators;

/// <summary>
/// Replaces card, account and IBAN numbers with FF1 format-preserving tokens of the same length and layout
/// (spaces and dashes stay where they were). Each number in a cell is tokenized on its own.
/// A card token of 12 or more digits is given a wrong Luhn check digit, and an IBAN token a wrong mod-97
/// remainder, so a rescan never reports a token as a live card or account number. Card numbers that differ only in
/// their check digit therefore share a token. Account numbers (<see cref="TokenKind.Digits"/>) keep every digit
/// distinct, and rely on the detectability check to avoid tokens that pass as cards.
/// Numbers shorter than FF1's six-digit minimum get keyed hash digits instead, so that a column is
/// protected whole even where a value is too short to be a real card. For the same reason the ASCII letters of a card
/// or account value (a name typed into the wrong column or beside the number, a code such as <c>N/A</c>, the
/// <c>exp</c> of <c>4111 1111 1111 1111 exp 12/27</c>) are tokenized, as one group in the alphabet A to Z that keeps
/// each letter's case, and any other letter is masked. An IBAN keeps its country code only where the value starts
/// like an IBAN, with two letters and two digits.
/// When a detectability check is given, a token that the check flags (for example a digit run inside an
/// IBAN token that happens to pass as a card or phone number) is encrypted again under the next tweak,
/// up to <see cref="MaximumAttempts"/> times; the result stays deterministic for one key version.
/// </summary>
public sealed class TokenOperator : ColumnOperator
{
    /// <summary>Tweaks tried before the letters and digits of a value are masked instead.</summary>
    public const int MaximumAttempts = 16;

    private const int ShortestCardLength = 12;
    private const int IbanGroupLength = 4;
    private const int IssuerPrefixLength = 6;

    // Values up to this many characters are tokenized in stack buffers, and longer ones in rented arrays.
    private const int StackLength = 256;

    // Attempt 0 uses the bare tweak, attempt k the tweak followed by "#k".
    private static readonly string[] TweakSuffixes = Enumerable.Range(0, MaximumAttempts)
        .Select(attempt => attempt == 0 ? string.Empty : "#" + attempt.ToString(CultureInfo.InvariantCulture))
        .ToArray();

    private static readonly CardNumberDetector Cards = new();

    private static readonly string[] IbanDigitTweaks = TweakSuffixes.Select(suffix => "iban-digits" + suffix).ToArray();
    private static readonly string[] IbanLetterTweaks = TweakSuffixes.Select(suffix => "iban-letters" + suffix).ToArray();

    // Masking leaves none of these, and a cached output that keeps one was checked when it was made.
    private static readonly SearchValues<char> LettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private readonly Ff1Tokenizer _tokenizer;
    private readonly HmacPseudonymizer _pseudonymizer;
    private readonly TokenKind _kind;
    private readonly bool _preserveIssuerPrefix;
    private readonly Func<string, bool>? _isDetectable;
    private readonly ValueCache _cache;
    private bool _lastOutputChecked;

    // Tweaks and FF1 engines per attempt, so that a value costs no string building or dictionary lookup.
    private readonly string[] _numberTweaks;
    private readonly string[] _letterTweaks;
    private readonly Ff1Engines _numberEngines = new();
    private readonly Ff1Engines _letterEngines = new();
    private readonly Ff1Engines _ibanDigitEngines = new();
    private readonly Ff1Engines _ibanLetterEngines = new();

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
        _numberTweaks = TweakSuffixes.Select(suffix => kind + suffix).ToArray();
        _letterTweaks = TweakSuffixes.Select(suffix => kind + "-letters" + suffix).ToArray();

        // Grouped IBANs reach 42 characters, and grouped card numbers 23.
        _cache = new ValueCache(slotLength: kind == TokenKind.Card ? ValueCache.ShortSlotLength : ValueCache.LongSlotLength);
    }

    public override OperatorKind Kind => OperatorKind.Token;

    /// <summary>What the column holds: card numbers, IBANs or other numbers such as accounts.</summary>
    internal TokenKind TokenKind => _kind;

    public override void ReleaseCaches() => _cache.Release();

    public override long MaximumCacheBytes => _cache.MaximumBytes;

    public override void LimitCache(double share) => _cache.LimitCapacity((int)(_cache.Capacity * share));

    public override bool TryApply(string value, RowContext row, out string output)
    {
        ArgumentNullException.ThrowIfNull(value);
        output = Lookup(value, value);
        return true;
    }

    public override bool TryApply(ReadOnlySpan<char> value, RowContext row, out string output)
    {
        output = Lookup(value, text: null);
        return true;
    }

    public override bool LastOutputChecked => _lastOutputChecked;

    public override bool Prefetches => true;

    public override UInt128 Prefetch(ReadOnlySpan<char> value, RowContext row)
    {
        UInt128 key = ValueCache.KeyOf(value);
        _cache.Prefetch(key);
        return key;
    }

    public override bool TryApply(ReadOnlySpan<char> value, RowContext row, UInt128 cacheKey, out string output)
    {
        output = Lookup(value, text: null, cacheKey);
        return true;
    }

    public override bool TryApplyUncached(ReadOnlySpan<char> value, RowContext row, UInt128 cacheKey, out string output)
    {
        output = TokenizeAndCache(value.ToString(), cacheKey);
        return true;
    }

    public override bool TryCopyCached(UInt128 cacheKey, Span<char> destination, out int length)
    {
        if (!_cache.TryCopyTo(cacheKey, destination, out length))
        {
            return false;
        }

        _lastOutputChecked = _isDetectable is not null && destination[..length].ContainsAny(LettersAndDigits);
        return true;
    }

    private string Lookup(ReadOnlySpan<char> value, string? text) => Lookup(value, text, ValueCache.KeyOf(value));

    /// <summary>
    /// Returns the cached token of <paramref name="value"/> under <paramref name="key"/>, tokenizing <paramref name="text"/>
    /// (or a copy of the value) on a miss. With a detectability check, a cached output counts as checked unless it is a
    /// masked value, which has no letter or digit left. A checked token without letters or digits then counts as
    /// unchecked, which only costs a second check.
    /// </summary>
    private string Lookup(ReadOnlySpan<char> value, string? text, UInt128 key)
    {
        if (_cache.TryGetValue(key, out string? cached))
        {
            _lastOutputChecked = _isDetectable is not null && cached.AsSpan().ContainsAny(LettersAndDigits);
            return cached;
        }

        return TokenizeAndCache(text ?? value.ToString(), key);
    }

    private string TokenizeAndCache(string value, UInt128 key)
    {
        // Full-width and other scripts' digits are read as ASCII digits, so ４１１１... gets the token of 4111... instead of
        // a mask, as pseudonyms read such text in Unicode form KC.
        string token = TokenizeChecked(TextFolding.Fold(value));
        _cache.Add(key, token);
        return token;
    }

    [SkipLocalsInit]
    private string TokenizeChecked(string value)
    {
        char[]? rented = value.Length > StackLength ? ArrayPool<char>.Shared.Rent(value.Length) : null;
        Span<char> buffer = rented is null ? stackalloc char[StackLength] : rented;
        Span<char> chars = buffer[..value.Length];
        try
        {
            for (int attempt = 0; attempt < MaximumAttempts; attempt++)
            {
                value.CopyTo(chars);
                Tokenize(chars, attempt);
                string output = new(chars);
                if (_isDetectable is null || !(_isDetectable(CheckedForm(output)) || HasCardInPrintedGroups(output)))
                {
                    _lastOutputChecked = _isDetectable is not null;
                    return output;
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented, clearArray: true);
            }
        }

        // Every tweak still looked like personal data: hide the letters and digits instead of leaking a look-alike.
        _lastOutputChecked = false;
        return Mask(value);
    }

    private void Tokenize(Span<char> chars, int attempt)
    {
        if (_kind == TokenKind.Iban)
        {
            TokenizeIban(chars, attempt);
            return;
        }

        // Tokens replace digits with digits only, so the runs found in the partly tokenized text are the
        // runs of the input.
        int from = 0;
        while (NumberRuns.FindNext(chars, from, out int start, out int end))
        {
            TokenizeNumber(chars[start..end], attempt);
            from = end;
        }

        TokenizeLetters(chars, attempt);
    }

    // Encrypts the ASCII letters of a value as one group, keeping each one's case, and masks other letters and digits
    // outside ASCII, so that no letter or digit of the value stays in clear.
    [SkipLocalsInit]
    private void TokenizeLetters(Span<char> chars, int attempt)
    {
        int length = chars.Length;
        Span<int> positions = length <= StackLength ? stackalloc int[length] : new int[length];
        int count = 0;
        for (int i = 0; i < length; i++)
        {
            char c = chars[i];
            if (char.IsAsciiLetter(c))
            {
                positions[count++] = i;
            }
            else if (!char.IsAsciiDigit(c) && char.IsLetterOrDigit(c))
            {
                chars[i] = '*';
            }
        }

        EncryptLetters(chars, positions[..count], _letterEngines, _letterTweaks, attempt);
    }

    // Encrypts the ASCII letters at the positions as one group in the alphabet A to Z, keeping each letter's case.
    [SkipLocalsInit]
    private void EncryptLetters(Span<char> chars, ReadOnlySpan<int> positions, Ff1Engines engines, string[] tweaks, int attempt)
    {
        int count = positions.Length;
        Span<byte> letters = count <= StackLength ? stackalloc byte[count] : new byte[count];
        for (int i = 0; i < count; i++)
        {
            // The positions contain ASCII letters, and setting bit 0x20 makes one lower case.
            letters[i] = (byte)((chars[positions[i]] | 0x20) - 'a');
        }

        Encrypt(letters, radix: 26, engines, tweaks, attempt);
        for (int i = 0; i < count; i++)
        {
            char letter = (char)('A' + letters[i]);
            int position = positions[i];
            chars[position] = char.IsAsciiLetterLower(chars[position]) ? char.ToLowerInvariant(letter) : letter;
        }
    }

    [SkipLocalsInit]
    private void TokenizeNumber(Span<char> run, int attempt)
    {
        int length = NumberRuns.CountDigits(run);
        Span<byte> digits = length <= StackLength ? stackalloc byte[length] : new byte[length];
        ReadDigits(run, digits);

        // A card's last digit is its check digit, so it is recomputed instead of encrypted. An account number's last digit
        // is its own, so all of its digits are encrypted, and a token that passes the card checks by chance takes the next
        // tweak.
        bool cardLength = _kind == TokenKind.Card && length >= ShortestCardLength;

        // The check digit is recomputed below, so it is not encrypted.
        int payloadEnd = cardLength ? length - 1 : length;
        int payloadStart = _kind == TokenKind.Card && _preserveIssuerPrefix && cardLength ? IssuerPrefixLength : 0;
        Encrypt(digits[payloadStart..payloadEnd], radix: 10, _numberEngines, _numberTweaks, attempt);

        if (cardLength)
        {
            int validCheck = Checksums.LuhnCheckDigit(digits[..(length - 1)]);
            digits[length - 1] = (byte)((validCheck + 1) % 10);
        }

        WriteDigits(run, digits);
    }

    [SkipLocalsInit]
    private void TokenizeIban(Span<char> chars, int attempt)
    {
        // Letters and digits after the country code are encrypted separately, each in its own alphabet,
        // so the token keeps the IBAN's shape: two letters, two check digits, then the account part.
        int length = chars.Length;
        Span<int> digitPositions = length <= StackLength ? stackalloc int[length] : new int[length];
        Span<int> letterPositions = length <= StackLength ? stackalloc int[length] : new int[length];
        int digitCount = 0;
        int letterCount = 0;
        int alphanumericSeen = 0;
        bool keepsCountryCode = StartsLikeIban(chars);
        for (int i = 0; i < length; i++)
        {
            char c = chars[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                if (char.IsLetterOrDigit(c))
                {
                    chars[i] = '*';
                }

                continue;
            }

            bool isCountryCode = alphanumericSeen < 2 && keepsCountryCode;
            alphanumericSeen++;
            if (isCountryCode)
            {
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                digitPositions[digitCount++] = i;
            }
            else
            {
                letterPositions[letterCount++] = i;
            }
        }

        digitPositions = digitPositions[..digitCount];
        letterPositions = letterPositions[..letterCount];

        Span<byte> digits = digitCount <= StackLength ? stackalloc byte[digitCount] : new byte[digitCount];
        for (int i = 0; i < digitCount; i++)
        {
            digits[i] = (byte)(chars[digitPositions[i]] - '0');
        }

        Encrypt(digits, radix: 10, _ibanDigitEngines, IbanDigitTweaks, attempt);

        for (int i = 0; i < digitCount; i++)
        {
            chars[digitPositions[i]] = (char)('0' + digits[i]);
        }

        EncryptLetters(chars, letterPositions, _ibanLetterEngines, IbanLetterTweaks, attempt);

        Span<char> compact = length <= StackLength ? stackalloc char[length] : new char[length];
        int compactLength = 0;
        foreach (char c in chars)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                compact[compactLength++] = char.IsAsciiLetterLower(c) ? (char)(c - ('a' - 'A')) : c;
            }
        }

        if (compactLength >= 5 && digitCount > 0 && Checksums.IbanRemainder(compact[..compactLength]) == 1)
        {
            // Changing one digit changes the remainder, so the token can no longer pass as a valid IBAN.
            int position = digitPositions[Math.Min(1, digitCount - 1)];
            chars[position] = (char)('0' + ((chars[position] - '0' + 1) % 10));
        }
    }

    // True when the first four letters and digits are two letters and two digits, the country code and check digits of
    // an IBAN. Another value, such as a name typed into the column, has no country code to keep.
    private static bool StartsLikeIban(ReadOnlySpan<char> chars)
    {
        int seen = 0;
        foreach (char c in chars)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                continue;
            }

            if (seen < 2 ? !char.IsAsciiLetter(c) : !char.IsAsciiDigit(c))
            {
                return false;
            }

            if (++seen == 4)
            {
                return true;
            }
        }

        return false;
    }

    [SkipLocalsInit]
    private void Encrypt(Span<byte> symbols, int radix, Ff1Engines engines, string[] tweaks, int attempt)
    {
        if (symbols.IsEmpty)
        {
            return;
        }

        if (ReachesFf1Domain(radix, symbols.Length))
        {
            engines.Get(_tokenizer, radix, tweaks, attempt).Encrypt(symbols);
            return;
        }

        // Too short for FF1: replace the symbols with keyed hash symbols, which hides them just as well
        // but may map two short inputs to one output. The hashed text is the tweak, a colon, then the
        // symbols as decimal numbers separated by commas.
        string tweak = tweaks[attempt];
        Span<char> text = stackalloc char[tweak.Length + 1 + (4 * symbols.Length)];
        tweak.CopyTo(text);
        int written = tweak.Length;
        text[written++] = ':';
        for (int i = 0; i < symbols.Length; i++)
        {
            if (i > 0)
            {
                text[written++] = ',';
            }

            symbols[i].TryFormat(text[written..], out int symbolLength, provider: CultureInfo.InvariantCulture);
            written += symbolLength;
        }

        Span<byte> hash = stackalloc byte[32];
        _pseudonymizer.ComputeHash(text[..written], hash);
        for (int i = 0; i < symbols.Length; i++)
        {
            symbols[i] = (byte)(hash[i] % radix);
        }
    }

    // True when radix^length reaches FF1's minimum domain of one million values.
    private static bool ReachesFf1Domain(int radix, int length)
    {
        long domain = 1;
        for (int i = 0; i < length && domain < FastFf1.MinimumDomainSize; i++)
        {
            domain *= radix;
        }

        return domain >= FastFf1.MinimumDomainSize;
    }

    /// <summary>
    /// Returns the form in which the detectability check and the rescan read this column's tokens: for IBANs the letters
    /// and digits only, in upper case, and for other numbers the text with the separators inside digit runs removed. The
    /// check then depends on the token's digits and letters only, so one number gets the same token however it is
    /// written. Scanning the written layout instead made 38% of 15-digit card numbers in 4-6-5 groups take another
    /// tweak, because a group pair read as a phone number, so their tokens differed from those of the plain form.
    /// </summary>
    public string CheckedForm(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (_kind != TokenKind.Iban)
        {
            return JoinedView(token);
        }

        return string.Create(token.Count(char.IsAsciiLetterOrDigit), token, static (compact, source) =>
        {
            int next = 0;
            foreach (char c in source)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    compact[next++] = char.ToUpperInvariant(c);
                }
            }
        });
    }

    /// <summary>
    /// Returns true when an IBAN token, printed in the usual groups of four, contains a valid card number. A card
    /// scanner splits the printed digits at group boundaries, where a Luhn-valid run of whole groups can appear that the
    /// compact form does not show. Only the card check runs on the printed form, because phone windows there cost a
    /// quarter of the anonymizing time with four rows per customer (100 MB extract, native build). False for other
    /// token kinds.
    /// </summary>
    [SkipLocalsInit]
    public bool HasCardInPrintedGroups(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (_kind != TokenKind.Iban || token.Length > StackLength)
        {
            return false;
        }

        Span<char> printed = stackalloc char[StackLength * 2];
        int next = 0;
        int written = 0;
        foreach (char c in token)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                continue;
            }

            if (written > 0 && written % IbanGroupLength == 0)
            {
                printed[next++] = ' ';
            }

            printed[next++] = char.ToUpperInvariant(c);
            written++;
        }

        FirstValidatedSink sink = default;
        Cards.Find(printed[..next], ref sink);
        return sink.Found;
    }

    /// <summary>Returns <paramref name="token"/> with the separators inside its digit runs removed.</summary>
    public static string JoinedView(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        char[]? rented = token.Length > StackLength ? ArrayPool<char>.Shared.Rent(token.Length) : null;
        Span<char> joined = rented is null ? stackalloc char[StackLength] : rented;
        try
        {
            int length = NumberRuns.JoinGroups(token, joined);
            return length == token.Length ? token : new string(joined[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static string Mask(string value) =>
        string.Create(value.Length, value, static (masked, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                masked[i] = char.IsAsciiLetterOrDigit(source[i]) ? '*' : source[i];
            }
        });

    private static void ReadDigits(ReadOnlySpan<char> run, Span<byte> digits)
    {
        int next = 0;
        foreach (char c in run)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[next++] = (byte)(c - '0');
            }
        }
    }

    private static void WriteDigits(Span<char> run, ReadOnlySpan<byte> digits)
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

    // The FF1 engine of each attempt's tweak for one alphabet, fetched from the tokenizer on first use.
    private sealed class Ff1Engines
    {
        private readonly FastFf1?[] _engines = new FastFf1?[MaximumAttempts];

        public FastFf1 Get(Ff1Tokenizer tokenizer, int radix, string[] tweaks, int attempt) =>
            _engines[attempt] ??= tokenizer.GetEngine(radix, tweaks[attempt]);
    }
}
