using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SyntheticData.Privacy.Internal;

/// <summary>
/// Packs text of ASCII letters, digits, spaces and hyphens into six bits per character, so that a 16-letter pseudonym
/// or a card number in groups of four fits a cache slot of 24 bytes. The symbols follow the Base64 order (A to Z,
/// a to z, 0 to 9) with a space and a hyphen in place of '+' and '/', and each three bytes carry four characters,
/// the first character in the high bits. Unpacking on x86 uses the shuffle and multiply steps of vectorized Base64
/// encoders, so a cache hit costs about as much as copying Latin-1 text.
/// </summary>
internal static class PackedText
{
    /// <summary>The characters that can be packed, in symbol order.</summary>
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -";

    /// <summary>Bytes past the packed text that <see cref="Unpack"/> may read when its source is long enough.</summary>
    public const int ReadAheadBytes = 16;

    // Characters per vector step, from the first twelve of the sixteen bytes loaded.
    private const int CharactersPerStep = 16;
    private const int BytesPerStep = 12;

    private static readonly sbyte[] SymbolOf = CreateSymbolTable();

    /// <summary>Returns the bytes that <paramref name="characters"/> packed characters take.</summary>
    public static int PackedLength(int characters) => ((characters * 6) + 7) / 8;

    /// <summary>True when every character of <paramref name="text"/> is in <see cref="Alphabet"/>.</summary>
    public static bool CanPack(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (c >= SymbolOf.Length || SymbolOf[c] < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Packs <paramref name="text"/> into the first <see cref="PackedLength"/> bytes of <paramref name="destination"/>.
    /// The caller checks <see cref="CanPack"/> first.
    /// </summary>
    /// <exception cref="ArgumentException">A character is outside the alphabet, or the destination is too short.</exception>
    public static void Pack(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (destination.Length < PackedLength(text.Length))
        {
            throw new ArgumentException("The destination is too short for the packed text.", nameof(destination));
        }

        int written = 0;
        for (int i = 0; i < text.Length; i += 4)
        {
            int count = Math.Min(4, text.Length - i);
            int group = 0;
            for (int k = 0; k < 4; k++)
            {
                group = (group << 6) | (k < count ? Symbol(text[i + k]) : 0);
            }

            // Four symbols fill three bytes. A last group of one to three symbols needs one to three of them.
            int bytes = PackedLength(count);
            for (int b = 0; b < bytes; b++)
            {
                destination[written++] = (byte)(group >> (16 - (8 * b)));
            }
        }
    }

    /// <summary>
    /// Unpacks <paramref name="characters"/> characters from <paramref name="source"/> into <paramref name="destination"/>.
    /// Where the source has <see cref="ReadAheadBytes"/> bytes past a step's twelve and the destination room for all
    /// sixteen characters of a step, the step runs on vectors, and the destination may receive characters past
    /// <paramref name="characters"/>.
    /// </summary>
    public static void Unpack(ReadOnlySpan<byte> source, int characters, Span<char> destination)
    {
        if (destination.Length < characters || source.Length < PackedLength(characters))
        {
            throw new ArgumentException("The source or the destination is too short for the packed text.");
        }

        int done = 0;
        if (Ssse3.IsSupported)
        {
            while (done < characters
                && source.Length - (done / CharactersPerStep * BytesPerStep) >= ReadAheadBytes
                && destination.Length - done >= CharactersPerStep)
            {
                UnpackStep(source[(done / CharactersPerStep * BytesPerStep)..], destination[done..]);
                done += CharactersPerStep;
            }
        }

        if (done < characters)
        {
            UnpackScalar(source[(done / 4 * 3)..], characters - done, destination[done..]);
        }
    }

    /// <summary>Unpacks sixteen characters from the first twelve of sixteen source bytes.</summary>
    private static void UnpackStep(ReadOnlySpan<byte> source, Span<char> destination)
    {
        Vector128<byte> input = Vector128.Create(source);

        // Each group of three bytes a, b, c becomes the four bytes b, a, c, b. Two multiplications per 16-bit lane
        // then move the four six-bit fields into the low bits of their own bytes.
        Vector128<byte> spread = Ssse3.Shuffle(input, Vector128.Create((byte)1, 0, 2, 1, 4, 3, 5, 4, 7, 6, 8, 7, 10, 9, 11, 10));
        Vector128<ushort> high = Sse2.MultiplyHigh(
            (spread.AsUInt32() & Vector128.Create(0x0FC0FC00u)).AsUInt16(),
            Vector128.Create(0x04000040u).AsUInt16());
        Vector128<ushort> low = Sse2.MultiplyLow(
            (spread.AsUInt32() & Vector128.Create(0x003F03F0u)).AsUInt16(),
            Vector128.Create(0x01000010u).AsUInt16());
        Vector128<byte> symbols = (high | low).AsByte();

        // Each symbol range gets its offset to ASCII from a 16-entry table: 0 to 25 use entry 13, 26 to 51 entry 0,
        // and 52 to 63 the entries 1 to 12.
        Vector128<byte> range = Sse2.SubtractSaturate(symbols, Vector128.Create((byte)51));
        Vector128<byte> upper = Sse2.CompareGreaterThan(Vector128.Create((sbyte)26), symbols.AsSByte()).AsByte();
        range |= upper & Vector128.Create((byte)13);
        Vector128<byte> offsets = Vector128.Create(
            (byte)('a' - 26), unchecked((byte)('0' - 52)), unchecked((byte)('0' - 52)), unchecked((byte)('0' - 52)),
            unchecked((byte)('0' - 52)), unchecked((byte)('0' - 52)), unchecked((byte)('0' - 52)), unchecked((byte)('0' - 52)),
            unchecked((byte)('0' - 52)), unchecked((byte)('0' - 52)), unchecked((byte)('0' - 52)), unchecked((byte)(' ' - 62)),
            unchecked((byte)('-' - 63)), (byte)'A', 0, 0);
        Vector128<byte> ascii = symbols + Ssse3.Shuffle(offsets, range);

        ref ushort target = ref Unsafe.As<char, ushort>(ref destination[0]);
        Vector128.WidenLower(ascii).StoreUnsafe(ref target);
        Vector128.WidenUpper(ascii).StoreUnsafe(ref target, 8);
    }

    private static void UnpackScalar(ReadOnlySpan<byte> source, int characters, Span<char> destination)
    {
        int read = 0;
        for (int i = 0; i < characters; i += 4)
        {
            int count = Math.Min(4, characters - i);
            int group = 0;
            for (int b = 0; b < 3; b++)
            {
                group = (group << 8) | (b < PackedLength(count) ? source[read + b] : 0);
            }

            read += 3;
            for (int k = 0; k < count; k++)
            {
                destination[i + k] = Alphabet[(group >> (18 - (6 * k))) & 63];
            }
        }
    }

    private static int Symbol(char c) =>
        c < SymbolOf.Length && SymbolOf[c] >= 0
            ? SymbolOf[c]
            : throw new ArgumentException("The text contains a character that cannot be packed.", nameof(c));

    private static sbyte[] CreateSymbolTable()
    {
        var table = new sbyte[128];
        Array.Fill(table, (sbyte)-1);
        for (int i = 0; i < Alphabet.Length; i++)
        {
            table[Alphabet[i]] = (sbyte)i;
        }

        return table;
    }
}
