using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Tests;

public sealed class ModelFileTests
{
    private static readonly ColumnSchema[] Schema =
    [
        new("amount", ColumnType.Decimal),
        new("booked", ColumnType.DateTime, "yyyy-MM-dd"),
        new("segment", ColumnType.Categorical),
    ];

    [Fact]
    public void WriteRead_RoundTripsEveryField()
    {
        var file = new ModelFile(SynthesizerKind.Tvae, 3, Schema, [1, 2, 3, 250]);
        using var stream = new MemoryStream();

        file.WriteTo(stream);
        stream.Position = 0;
        ModelFile read = ModelFile.ReadFrom(stream);

        Assert.Equal(SynthesizerKind.Tvae, read.Kind);
        Assert.Equal(3, read.PayloadVersion);
        Assert.Equal(Schema, read.Schema);
        Assert.Equal(new byte[] { 1, 2, 3, 250 }, read.Payload);
    }

    [Fact]
    public void Read_WrongMagicThrows()
    {
        byte[] bytes = Written();
        bytes[0] = (byte)'X';

        var error = Assert.Throws<ModelFormatException>(() => ModelFile.ReadFrom(new MemoryStream(bytes)));
        Assert.Contains("magic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NewerFormatVersionThrows()
    {
        byte[] bytes = Written();
        bytes[8] = ModelFile.CurrentFormatVersion + 1;

        var error = Assert.Throws<ModelFormatException>(() => ModelFile.ReadFrom(new MemoryStream(bytes)));
        Assert.Contains("version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FlippedPayloadByteFailsChecksum()
    {
        byte[] bytes = Written();
        bytes[^33] ^= 0x01;

        var error = Assert.Throws<ModelFormatException>(() => ModelFile.ReadFrom(new MemoryStream(bytes)));
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedFileThrows()
    {
        byte[] bytes = Written();

        var error = Assert.Throws<ModelFormatException>(() => ModelFile.ReadFrom(new MemoryStream(bytes[..^10])));
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownKindThrows()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModelFile((SynthesizerKind)99, 1, Schema, []));
    }

    private static byte[] Written()
    {
        using var stream = new MemoryStream();
        new ModelFile(SynthesizerKind.GaussianCopula, 1, Schema, [9, 8, 7, 6, 5]).WriteTo(stream);
        return stream.ToArray();
    }
}
