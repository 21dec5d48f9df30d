using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SyntheticData.Privacy.Risk;

/// <summary>Receives one record read back from a <see cref="ClassSpill"/>.</summary>
/// <param name="key">The record's class key.</param>
/// <param name="record">The record's ordinal in the counted pass.</param>
/// <param name="person">The hash of the record's entity id, or 0.</param>
/// <param name="sensitive">The hashes of the record's sensitive values, 0 for a missing one.</param>
internal delegate void SpilledRecordVisitor(UInt128 key, long record, ulong person, ReadOnlySpan<ulong> sensitive);

/// <summary>
/// The records of the classes that an <see cref="EquivalenceClassCounter"/> counts on disk: fixed-size records in
/// <see cref="EquivalenceClassCounter.SpillPartitions"/> files chosen by the top bits of the class key, so every record
/// of a class lands in the same file and one file at a time can be counted in memory. The files are created in a new
/// folder that only the owner may open, and are deleted with it. Not thread-safe.
/// </summary>
internal sealed class ClassSpill : IDisposable
{
    // Each file's write buffer. All files together take 2 MB.
    private const int BufferBytes = 16 * 1024;

    // Records read back per read call.
    private const int RecordsPerRead = 4096;

    private static readonly int PartitionBits = int.Log2(EquivalenceClassCounter.SpillPartitions);

    private readonly string _folder;
    private readonly FileStream?[] _files = new FileStream?[EquivalenceClassCounter.SpillPartitions];
    private readonly int _sensitiveCount;
    private readonly bool _hasPerson;
    private readonly int _recordBytes;

    /// <summary>Creates the folder of the files in <paramref name="parent"/>; the files come with their first record.</summary>
    public ClassSpill(string parent, int sensitiveCount, bool hasPerson)
    {
        _folder = Path.Combine(parent, "synthdata-classes-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_folder);
        }
        else
        {
            Directory.CreateDirectory(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        _sensitiveCount = sensitiveCount;
        _hasPerson = hasPerson;

        // The key, the record's ordinal, the person's hash when there is one, and one hash per sensitive attribute.
        _recordBytes = 16 + 8 + (hasPerson ? 8 : 0) + (8 * sensitiveCount);
    }

    /// <summary>The folder of the files.</summary>
    public string Folder => _folder;

    /// <summary>Records written.</summary>
    public long Records { get; private set; }

    /// <summary>Returns the file that the records of a class with <paramref name="key"/> go to.</summary>
    public static int PartitionOf(UInt128 key) => (int)(ulong)(key >> (128 - PartitionBits));

    /// <summary>Appends one record to its class's file.</summary>
    [SkipLocalsInit]
    public void Write(UInt128 key, long record, ulong person, ReadOnlySpan<ulong> sensitive)
    {
        Span<byte> bytes = _recordBytes <= 512 ? stackalloc byte[_recordBytes] : new byte[_recordBytes];
        MemoryMarshal.Write(bytes, in key);
        MemoryMarshal.Write(bytes[16..], in record);
        int position = 24;
        if (_hasPerson)
        {
            MemoryMarshal.Write(bytes[position..], in person);
            position += 8;
        }

        foreach (ulong hash in sensitive)
        {
            MemoryMarshal.Write(bytes[position..], in hash);
            position += 8;
        }

        int partition = PartitionOf(key);
        (_files[partition] ??= Open(partition)).Write(bytes);
        Records++;
    }

    /// <summary>Reads back every record of one file, in the order written.</summary>
    /// <exception cref="InvalidDataException">The file does not end on a record boundary.</exception>
    [SkipLocalsInit]
    public void Read(int partition, SpilledRecordVisitor visit)
    {
        FileStream? writer = _files[partition];
        if (writer is null)
        {
            return;
        }

        writer.Flush();
        using var reader = new FileStream(PathOf(partition), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        byte[] buffer = new byte[_recordBytes * RecordsPerRead];
        Span<ulong> sensitive = _sensitiveCount <= 64 ? stackalloc ulong[_sensitiveCount] : new ulong[_sensitiveCount];
        int filled = 0;
        int read;
        while ((read = reader.Read(buffer, filled, buffer.Length - filled)) > 0)
        {
            filled += read;
            int whole = filled - (filled % _recordBytes);
            for (int offset = 0; offset < whole; offset += _recordBytes)
            {
                ReadOnlySpan<byte> bytes = buffer.AsSpan(offset, _recordBytes);
                int position = 24;
                ulong person = 0;
                if (_hasPerson)
                {
                    person = MemoryMarshal.Read<ulong>(bytes[position..]);
                    position += 8;
                }

                for (int i = 0; i < sensitive.Length; i++, position += 8)
                {
                    sensitive[i] = MemoryMarshal.Read<ulong>(bytes[position..]);
                }

                visit(MemoryMarshal.Read<UInt128>(bytes), MemoryMarshal.Read<long>(bytes[16..]), person, sensitive);
            }

            buffer.AsSpan(whole, filled - whole).CopyTo(buffer);
            filled -= whole;
        }

        if (filled != 0)
        {
            throw new InvalidDataException("A temporary file of the class counter ends within a record.");
        }
    }

    /// <summary>Closes and deletes the files and their folder.</summary>
    public void Dispose()
    {
        foreach (FileStream? file in _files)
        {
            file?.Dispose();
        }

        Array.Clear(_files);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }

    private string PathOf(int partition) => Path.Combine(_folder, partition.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));

    private FileStream Open(int partition)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            BufferSize = BufferBytes,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(PathOf(partition), options);
    }
}
