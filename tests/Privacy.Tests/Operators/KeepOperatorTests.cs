using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SyntheticData.Privacy.Operators;

namespace SyntheticData.Privacy.Tests.Operators;

public sealed class KeepOperatorTests
{
    [Property(MaxTest = 300)]
    public Property Keep_SpanValues_ComeBackUnchanged() =>
        Prop.ForAll(ValueLists(), values =>
        {
            // Short category-like values repeat, so most of them meet a remembered string or one of another value.
            var keep = new KeepOperator();
            foreach (string value in values)
            {
                Assert.True(keep.TryApply(value.AsSpan(), new RowContext(), out string output));
                Assert.Equal(value, output);
            }
        });

    [Fact]
    public void Keep_RepeatedShortValue_ReusesString()
    {
        var keep = new KeepOperator();
        char[] cell = "NY".ToCharArray();

        keep.TryApply(cell.AsSpan(), new RowContext(), out string first);
        keep.TryApply(cell.AsSpan(), new RowContext(), out string second);

        Assert.Equal("NY", second);
        Assert.Same(first, second);
    }

    [Fact]
    public void Keep_LongValue_GetsNewString()
    {
        var keep = new KeepOperator();
        string value = new('x', KeepOperator.LongestReusedLength + 1);

        keep.TryApply(value.AsSpan(), new RowContext(), out string first);
        keep.TryApply(value.AsSpan(), new RowContext(), out string second);

        Assert.Equal(value, second);
        Assert.NotSame(first, second);
    }

    [Fact]
    public void Keep_StringValue_ReturnsSameInstance()
    {
        var keep = new KeepOperator();
        string value = "kept as it is";

        Assert.True(keep.TryApply(value, new RowContext(), out string output));
        Assert.Same(value, output);
    }

    private static Arbitrary<string[]> ValueLists()
    {
        Gen<string> value = Gen.OneOf(
            Gen.Elements("", "F", "M", "NY", "CA", "TX", "Ny", "YN", "N Y", "M "),
            Words(Gen.Choose(1, 3), Gen.Elements('a', 'b', 'A', 'é', ' ', '1')),
            Words(Gen.Choose(0, 40), Gen.Elements('a', 'b', 'c')));
        return Gen.ArrayOf(value, 200).ToArbitrary();
    }

    private static Gen<string> Words(Gen<int> lengths, Gen<char> characters) =>
        lengths.SelectMany(length => Gen.ArrayOf(characters, length)).Select(c => new string(c));
}
