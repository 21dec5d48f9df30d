using SyntheticData.Privacy.Anonymization;

namespace SyntheticData.Privacy.Tests.Anonymization;

public sealed class ProtectedCellDigestTests
{
    private static readonly (int Column, string? Text)[] Cells = Enumerable.Range(0, 150)
        .Select(i => (i % 5, i % 7 == 0 ? null : "cell " + i))
        .ToArray();

    [Fact]
    public void SameCells_GiveSameValue()
    {
        ProtectedCellDigest first = DigestOf(Cells);
        ProtectedCellDigest second = DigestOf(Cells);

        Assert.Equal(first.Value, second.Value);
        Assert.Equal(150, first.Cells);
    }

    [Fact]
    public void ReadingValue_DoesNotChangeIt()
    {
        // Value flushes the pending cell hashes, so reading it between cells must give the hash of one whole sequence.
        var digest = new ProtectedCellDigest();
        for (int i = 0; i < Cells.Length; i++)
        {
            Add(digest, Cells[i]);
            if (i % 13 == 0)
            {
                _ = digest.Value;
            }
        }

        Assert.Equal(DigestOf(Cells).Value, digest.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(149)]
    public void ChangedCell_ChangesValue(int position)
    {
        UInt128 original = DigestOf(Cells).Value;
        (int column, string? text) = Cells[position];

        Assert.NotEqual(original, DigestOf(Replace(position, (column, text + "x"))).Value);
        Assert.NotEqual(original, DigestOf(Replace(position, (column + 1, text))).Value);
        Assert.NotEqual(original, DigestOf(Replace(position, (column, text is null ? string.Empty : null))).Value);
    }

    [Fact]
    public void SwappedCells_ChangeValue()
    {
        (int Column, string? Text)[] swapped = [.. Cells];
        (swapped[1], swapped[2]) = (swapped[2], swapped[1]);

        Assert.NotEqual(DigestOf(Cells).Value, DigestOf(swapped).Value);
    }

    private static (int Column, string? Text)[] Replace(int position, (int Column, string? Text) cell)
    {
        (int Column, string? Text)[] changed = [.. Cells];
        changed[position] = cell;
        return changed;
    }

    private static ProtectedCellDigest DigestOf(IEnumerable<(int Column, string? Text)> cells)
    {
        var digest = new ProtectedCellDigest();
        foreach ((int Column, string? Text) cell in cells)
        {
            Add(digest, cell);
        }

        return digest;
    }

    private static void Add(ProtectedCellDigest digest, (int Column, string? Text) cell) =>
        digest.Add(cell.Column, cell.Text, isNull: cell.Text is null);
}
