using System.Diagnostics;
using SyntheticData.Tabular.Internal;

namespace SyntheticData.Tabular.Tests;

/// <summary>
/// Reading and writing through <see cref="DropBehindStream"/> on real files: the bytes arrive intact in both directions,
/// and on a Linux disk file system the pages behind the last windows leave the page cache.
/// </summary>
public sealed class DropBehindStreamTests : IDisposable
{
    private const int Window = 4096;
    private const int FileBytes = 64 * Window;

    // Page cache folios can reach hundreds of kilobytes, and only whole ones leave the cache, so the cache tests use
    // windows of 256 KB.
    private const int LargeWindow = 256 << 10;
    private const int LargeFileBytes = 16 * LargeWindow;

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Write_OddChunks_WritesEveryByte(bool asynchronous)
    {
        byte[] expected = Pattern(FileBytes);
        string path = _folder.File("written.bin");
        bool dropsPages;
        using (var stream = new DropBehindStream(File.Create(path), writing: true, Window))
        {
            for (int offset = 0; offset < expected.Length; offset += 1000)
            {
                ReadOnlyMemory<byte> chunk = expected.AsMemory(offset, Math.Min(1000, expected.Length - offset));
                if (asynchronous)
                {
                    await stream.WriteAsync(chunk);
                }
                else
                {
                    stream.Write(chunk.Span);
                }
            }

            stream.FlushToDisk();
            dropsPages = stream.DropsPages;
        }

        Assert.Equal(expected, File.ReadAllBytes(path));
        Assert.Equal(OperatingSystem.IsLinux(), dropsPages);
    }

    [Fact]
    public void Read_OddChunks_ReadsEveryByte()
    {
        byte[] expected = Pattern(FileBytes);
        string path = _folder.WriteBytes("read.bin", expected);
        using var stream = new DropBehindStream(File.OpenRead(path), writing: false, Window);
        var read = new MemoryStream();
        byte[] buffer = new byte[777];
        int count;
        while ((count = stream.Read(buffer)) > 0)
        {
            read.Write(buffer, 0, count);
        }

        Assert.Equal(expected, read.ToArray());
        Assert.Equal(FileBytes, stream.Position);
        Assert.Equal(OperatingSystem.IsLinux(), stream.DropsPages);
    }

    [Fact]
    public void Read_AfterSeek_ReadsFromThere()
    {
        byte[] expected = Pattern(FileBytes);
        string path = _folder.WriteBytes("seek.bin", expected);
        using var stream = new DropBehindStream(File.OpenRead(path), writing: false, Window);
        byte[] buffer = new byte[100];
        stream.ReadExactly(buffer);

        stream.Position = 10 * Window;
        stream.ReadExactly(buffer);

        Assert.True(stream.CanSeek);
        Assert.Equal(FileBytes, stream.Length);
        Assert.Equal((10 * Window) + 100, stream.Position);
        Assert.Equal(expected.AsSpan(10 * Window, 100).ToArray(), buffer);
    }

    [Fact]
    public void Write_LargeFile_LeavesOnlyLastWindowsCached()
    {
        string path = _folder.File("written-cached.bin");
        using (var stream = new DropBehindStream(File.Create(path), writing: true, LargeWindow))
        {
            // Small writes, as the CSV writer makes: one large write may fill page cache folios that span windows.
            byte[] data = Pattern(LargeFileBytes);
            for (int offset = 0; offset < data.Length; offset += 1000)
            {
                stream.Write(data.AsSpan(offset, Math.Min(1000, data.Length - offset)));
            }

            stream.FlushToDisk();
        }

        Assert.Equal(LargeFileBytes, new FileInfo(path).Length);
        if (ResidentBytes(path) is { } resident)
        {
            Assert.InRange(resident, 0, 2 * LargeWindow);
        }
    }

    [Fact]
    public void Read_LargeFile_LeavesOnlyLastWindowsCached()
    {
        string path = _folder.File("read-cached.bin");
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            // Written in small pieces, as the writer above leaves its files, and flushed to disk first, because only
            // clean pages leave the cache.
            byte[] data = Pattern(LargeFileBytes);
            for (int offset = 0; offset < data.Length; offset += 1000)
            {
                file.Write(data.AsSpan(offset, Math.Min(1000, data.Length - offset)));
            }

            file.Flush(flushToDisk: true);
        }

        long total = 0;
        using (var stream = new DropBehindStream(File.OpenRead(path), writing: false, LargeWindow))
        {
            byte[] buffer = new byte[65536];
            int count;
            while ((count = stream.Read(buffer)) > 0)
            {
                total += count;
            }
        }

        Assert.Equal(LargeFileBytes, total);
        if (ResidentBytes(path) is { } resident)
        {
            Assert.InRange(resident, 0, 3 * LargeWindow);
        }
    }

    /// <summary>
    /// Returns the file's bytes in the page cache, from fincore (util-linux). Returns null where that cannot be known:
    /// not Linux, no fincore, or a file system other than ext4, XFS and Btrfs. On tmpfs, for one, the pages are the data.
    /// </summary>
    private static long? ResidentBytes(string path)
    {
        // stat reports ext4 as "ext2/ext3".
        if (!OperatingSystem.IsLinux()
            || Run("stat", "-f", "-c", "%T", Path.GetDirectoryName(path)!)?.Trim() is not ("ext2/ext3" or "xfs" or "btrfs")
            || Run("fincore", "--bytes", "--noheadings", "--output", "RES", path) is not { } resident)
        {
            return null;
        }

        return long.Parse(resident.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(i => (byte)((i * 31) + (i >> 8))).ToArray();

    private static string? Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
