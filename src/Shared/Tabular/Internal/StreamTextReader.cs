namespace SyntheticData.Tabular.Internal;

/// <summary>
/// The base of the strict decoders: a text reader over a stream that it owns, whose derived class decodes into a span.
/// The other read methods go through that span method, and there is no peeking, which the CSV parser does not use.
/// </summary>
internal abstract class StreamTextReader(Stream stream) : TextReader
{
    /// <summary>The stream decoded, disposed with the reader.</summary>
    protected Stream Stream { get; } = stream;

    public override int Peek() => -1;

    public override int Read()
    {
        Span<char> single = stackalloc char[1];
        return Read(single) == 0 ? -1 : single[0];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public abstract override int Read(Span<char> buffer);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Stream.Dispose();
        }

        base.Dispose(disposing);
    }
}
