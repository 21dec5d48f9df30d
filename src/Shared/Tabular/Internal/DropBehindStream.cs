using System.Runtime.InteropServices;

namespace SyntheticData.Tabular.Internal;

/// <summary>
/// Streams a large file through a bounded part of the Linux page cache. Reading, it advises the kernel to drop what lies
/// more than a window behind. Writing, it starts the write-back of each full window, then waits for the write-back of
/// the window before and drops it.
/// Without this, a 1 GB output stays in the page cache until the commit's fsync writes it all at once, and it evicts
/// cached data that other programs use. On a virtual machine, each page the cache has not used before also costs
/// kernel time. Writing 1 GB took 1.8 s of kernel time on the 2-core build machine, and 0.2 to 0.3 s when the same
/// pages were dropped and used again (measured with a small C program).
/// Elsewhere than Linux with glibc, or when a call fails, it only passes the data through.
/// </summary>
internal sealed unsafe class DropBehindStream : Stream
{
    /// <summary>Bytes per window: large enough for the disk to write efficiently, small next to the page cache.</summary>
    public const int DefaultWindowBytes = 8 << 20;

    private const uint SyncFileRangeWaitBefore = 1;
    private const uint SyncFileRangeWrite = 2;
    private const uint SyncFileRangeWaitAfter = 4;
    private const int AdviseDontNeed = 4;

    private readonly FileStream _file;
    private readonly bool _writing;
    private readonly long _windowBytes;
    private long _position;
    private long _nextBoundary;
    private bool _enabled;

    /// <summary>Wraps <paramref name="file"/>, which the wrapper disposes, for reading or for writing from its start.</summary>
    public DropBehindStream(FileStream file, bool writing, int windowBytes = DefaultWindowBytes)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowBytes, 4096);
        _file = file;
        _writing = writing;
        _windowBytes = windowBytes;
        _position = !writing && file.CanSeek ? file.Position : 0;
        _nextBoundary = ((_position / windowBytes) + 1) * windowBytes;
        _enabled = Native.IsAvailable;
    }

    /// <summary>True while the page cache calls are made. False where they are missing, or once one has failed.</summary>
    public bool DropsPages => _enabled;

    public override bool CanRead => !_writing && _file.CanRead;

    // A reader may seek, which only moves where dropping continues. A writer writes from start to end.
    public override bool CanSeek => !_writing && _file.CanSeek;

    public override bool CanWrite => _writing && _file.CanWrite;

    public override long Length => _file.Length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = _file.Read(buffer);
        _position += read;
        while (_enabled && _position >= _nextBoundary)
        {
            // The window that ended one window ago has been read, and sequential reading does not return to it.
            long end = _nextBoundary - _windowBytes;
            if (end > 0)
            {
                Advise(end - _windowBytes, _windowBytes);
            }

            _nextBoundary += _windowBytes;
        }

        return read;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _file.Write(buffer);
        _position += buffer.Length;
        if (_enabled && _position >= _nextBoundary)
        {
            // The file stream's own buffer must reach the kernel before the kernel can write the window back.
            _file.Flush(flushToDisk: false);
            while (_enabled && _position >= _nextBoundary)
            {
                long start = _nextBoundary - _windowBytes;
                SyncRange(start, _windowBytes, SyncFileRangeWrite);
                if (start >= _windowBytes)
                {
                    // The window before, whose write-back started one window ago: once on disk its pages are clean and
                    // can be dropped.
                    long older = start - _windowBytes;
                    SyncRange(older, _windowBytes, SyncFileRangeWaitBefore | SyncFileRangeWrite | SyncFileRangeWaitAfter);
                    Advise(older, _windowBytes);
                }

                _nextBoundary += _windowBytes;
            }
        }
    }

    // Writers such as Parquet.Net's write asynchronously. The page cache calls are cheap next to the writes, so the
    // asynchronous methods write synchronously.
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => _file.Flush();

    public override long Seek(long offset, SeekOrigin origin)
    {
        if (!CanSeek)
        {
            throw new NotSupportedException("The stream is written from start to end.");
        }

        _position = _file.Seek(offset, origin);
        _nextBoundary = ((_position / _windowBytes) + 1) * _windowBytes;
        return _position;
    }

    public override void SetLength(long value) => throw new NotSupportedException("The stream cannot change its length.");

    /// <summary>Flushes the file stream and the file's data to disk.</summary>
    public void FlushToDisk() => _file.Flush(flushToDisk: true);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    private void SyncRange(long offset, long length, uint flags)
    {
        if (Native.SyncFileRange((int)_file.SafeFileHandle.DangerousGetHandle(), offset, length, flags) != 0)
        {
            _enabled = false;
        }
    }

    private void Advise(long offset, long length)
    {
        if (offset >= 0 && Native.Advise((int)_file.SafeFileHandle.DangerousGetHandle(), offset, length, AdviseDontNeed) != 0)
        {
            _enabled = false;
        }
    }

    /// <summary>The two glibc calls, looked up once. Both take 64-bit offsets in 64-bit processes, the only ones that use them.</summary>
    private static class Native
    {
        private static readonly delegate* unmanaged<int, long, long, uint, int> SyncFileRangeFunction;
        private static readonly delegate* unmanaged<int, long, long, int, int> AdviseFunction;

        static Native()
        {
            if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess || !NativeLibrary.TryLoad("libc.so.6", out IntPtr libc))
            {
                return;
            }

            if (NativeLibrary.TryGetExport(libc, "sync_file_range", out IntPtr sync)
                && NativeLibrary.TryGetExport(libc, "posix_fadvise", out IntPtr advise))
            {
                SyncFileRangeFunction = (delegate* unmanaged<int, long, long, uint, int>)sync;
                AdviseFunction = (delegate* unmanaged<int, long, long, int, int>)advise;
            }
        }

        public static bool IsAvailable => SyncFileRangeFunction != null && AdviseFunction != null;

        public static int SyncFileRange(int descriptor, long offset, long length, uint flags) =>
            SyncFileRangeFunction(descriptor, offset, length, flags);

        public static int Advise(int descriptor, long offset, long length, int advice) =>
            AdviseFunction(descriptor, offset, length, advice);
    }
}
