namespace SyntheticData.Privacy.Internal;

/// <summary>
/// Writes hash bytes as lower-case ASCII letters (base 26). Pseudonyms made only of letters can never be
/// read as a card, phone, IBAN or other number by a rescan, whatever their length.
/// </summary>
internal static class LetterEncoding
{
    /// <summary>The most letters 128 bits fill: 26^27 is just below 2^127.</summary>
    public const int MaximumLength = 27;

    /// <summary>Fills <paramref name="destination"/> with letters from the first 16 bytes of <paramref name="hash"/>.</summary>
    public static void Encode(ReadOnlySpan<byte> hash, Span<char> destination)
    {
        if (destination.Length > MaximumLength)
        {
            throw new ArgumentOutOfRangeException(nameof(destination), destination.Length, $"At most {MaximumLength} letters can be encoded.");
        }

        UInt128 value = new(
            BitConverter.ToUInt64(hash[..8]),
            BitConverter.ToUInt64(hash[8..16]));
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = (char)('a' + (int)(value % 26));
            value /= 26;
        }
    }
}
