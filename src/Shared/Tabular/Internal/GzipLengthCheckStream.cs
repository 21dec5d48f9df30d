using System.Buffers.Binary;
using System.IO.Compression;

namespace SyntheticData.Tabular.Internal;

/// <summary>
/// Decompresses gzip and fails at the end of the data unless the decompressed length matches the ISIZE
/// field of the gzip trailer (RFC 1952: the last 4 bytes, the length modulo 2^32, little-endian).
/// <see cref="GZipStream"/> in .NET 10 returns a silent end of stream for truncated input, which would
/// otherwise pass as a shorter file.
/// </summary>
/// <remarks>
/// NOTE: for a file of several gzip members (for example two .gz files joined with cat) the trailer
/// contains the last member's length only, so such a file is rejected as well.
/// </remarks>
internal sealed class GzipLengthCheckStream : Stream
{
    private readonly TailRecordingStream _compressed;
    private readonly GZipStream _gzip;
    private long _decompressedLength;
    private bool _checked;

    public GzipLengthCheckStream(Stream compressed)
    {
        _compressed = new TailRecordingStream(compressed);
        _gzip = new GZipStream(_compressed, CompressionMode.Decompress, leaveOpen: false);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _decompressedLength;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = _gzip.Read(buffer);
        _decompressedLength += read;
        if (read == 0 && !buffer.IsEmpty && !_checked)
        {
            _checked = true;
            if (!_compressed.TryGetTail(out ReadOnlySpan<byte> tail)
                || BinaryPrimitives.ReadUInt32LittleEndian(tail[^4..]) != (uint)_decompressedLength)
            {
                throw new InvalidDataException(
                    "The gzip data is truncated or contains several gzip members, because its length does not match the gzip trailer.");
            }
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>A pass-through stream that keeps the last 8 bytes read, where a gzip trailer sits.</summary>
    private sealed class TailRecordingStream(Stream inner) : Stream
    {
        private const int TrailerLength = 8;

        private readonly byte[] _tail = new byte[TrailerLength];
        private long _total;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _total;
            set => throw new NotSupportedException();
        }

        public bool TryGetTail(out ReadOnlySpan<byte> tail)
        {
            tail = _tail;
            return _total >= TrailerLength;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int read = inner.Read(buffer);
            if (read >= TrailerLength)
            {
                buffer.Slice(read - TrailerLength, TrailerLength).CopyTo(_tail);
            }
            else if (read > 0)
            {
                _tail.AsSpan(read).CopyTo(_tail);
                buffer[..read].CopyTo(_tail.AsSpan(TrailerLength - read));
            }

            _total += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
