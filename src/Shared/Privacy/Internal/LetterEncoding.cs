namespace SyntheticData.Privacy.Internal;

/// <summary>
/// Writes hash bytes as lower-case ASCII letters (base 26). Pseudonyms made only of letters can never be
/// read as a card, phone, IBAN or other number by a rescan, whatever their length.
/// </summary>
internal static class LetterEncoding
{
    /// <summary>The most letters 128 bits fill: 26^27 is just below 2^127.</summary>
    public const int MaximumLength = 27;

    // 26^6 is the largest power of 26 below 2^32, so one division of the 128-bit value by it runs as
    // four 64-bit divisions of 32-bit limbs and yields six letters.
    private const uint LettersPerChunk = 6;
    private const uint ChunkDivisor = 26 * 26 * 26 * 26 * 26 * 26;

    /// <summary>Fills <paramref name="destination"/> with letters from the first 16 bytes of <paramref name="hash"/>.</summary>
    public static void Encode(ReadOnlySpan<byte> hash, Span<char> destination)
    {
        if (destination.Length > MaximumLength)
        {
            throw new ArgumentOutOfRangeException(nameof(destination), destination.Length, $"At most {MaximumLength} letters can be encoded.");
        }

        // Letter i is base-26 digit i, least significant first, of the 128-bit number whose upper half is
        // bytes 0 to 7 and lower half bytes 8 to 15, each half read in the machine's byte order.
        ulong high = BitConverter.ToUInt64(hash[..8]);
        ulong low = BitConverter.ToUInt64(hash[8..16]);
        Span<uint> limbs = [(uint)(high >> 32), (uint)high, (uint)(low >> 32), (uint)low];
        int next = 0;
        while (next < destination.Length)
        {
            uint chunk = DivideInPlace(limbs);
            int end = Math.Min(next + (int)LettersPerChunk, destination.Length);
            for (; next < end; next++)
            {
                (chunk, uint letter) = Math.DivRem(chunk, 26u);
                destination[next] = (char)('a' + letter);
            }
        }
    }

    // Divides the big-endian 32-bit limbs by ChunkDivisor in place and returns the remainder. A constant divisor lets
    // the compiler replace each 64-bit division with a multiplication.
    private static uint DivideInPlace(Span<uint> limbs)
    {
        ulong remainder = 0;
        for (int i = 0; i < limbs.Length; i++)
        {
            ulong current = (remainder << 32) | limbs[i];
            ulong quotient = current / ChunkDivisor;
            limbs[i] = (uint)quotient;
            remainder = current - (quotient * ChunkDivisor);
        }

        return (uint)remainder;
    }
}
