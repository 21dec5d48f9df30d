using FsCheck;
using FsCheck.Xunit;
using SyntheticData.Privacy.Internal;

namespace SyntheticData.Privacy.Tests.Internal;

public sealed class PackedTextTests
{
    [Property(MaxTest = 500)]
    public bool PackThenUnpack_ReturnsText(NonNegativeInt length, DoNotSize<int> seed)
    {
        Random random = new(seed.Item);
        string text = new(Enumerable.Range(0, length.Get % (SlotTable.MaximumLength + 1))
            .Select(_ => PackedText.Alphabet[random.Next(PackedText.Alphabet.Length)])
            .ToArray());
        byte[] packed = new byte[PackedText.PackedLength(text.Length)];
        PackedText.Pack(text, packed);

        // With room to read and write ahead, steps of sixteen characters may run on vectors. With exact lengths, the
        // characters are unpacked one group at a time.
        byte[] padded = new byte[packed.Length + PackedText.ReadAheadBytes];
        packed.CopyTo(padded, 0);
        char[] roomy = new char[text.Length + 16];
        PackedText.Unpack(padded, text.Length, roomy);
        char[] exact = new char[text.Length];
        PackedText.Unpack(packed, text.Length, exact);

        return new string(roomy, 0, text.Length) == text && new string(exact) == text;
    }

    [Fact]
    public void Pack_UsesSixBitsPerCharacter()
    {
        byte[] packed = new byte[PackedText.PackedLength(4)];

        // A is symbol 0, the hyphen symbol 63 and the space symbol 62: 000000 111111 111110 000000.
        PackedText.Pack("A- A", packed);

        Assert.Equal(3, packed.Length);
        Assert.Equal(new byte[] { 0b0000_0011, 0b1111_1111, 0b1000_0000 }, packed);
    }

    [Theory]
    [InlineData("nktgyuummejiqkuj", true)]
    [InlineData("9206 1223-9501 1279", true)]
    [InlineData("4111.1111", false)]
    [InlineData("José", false)]
    [InlineData("", true)]
    public void CanPack_AcceptsAlphabetOnly(string text, bool expected)
    {
        Assert.Equal(expected, PackedText.CanPack(text));
    }

    [Fact]
    public void Pack_CharacterOutsideAlphabet_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => PackedText.Pack("a_b", new byte[3]));
    }
}
