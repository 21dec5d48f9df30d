using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace SyntheticData.Privacy.Anonymization;

/// <summary>
/// A 128-bit hash of every protected cell of an output in order: column position, then the text or a null mark.
/// The anonymizing pass hashes the cells it writes and the rescan the cells it reads back, so equal hashes show
/// that the file contains exactly the cells that were checked while writing. XxHash128 is not cryptographic: it
/// catches any accidental difference between what was written and what is read, not a file edited by someone who
/// crafts a collision, who could as well edit the file after the rescan. Not thread-safe.
/// </summary>
internal sealed class ProtectedCellDigest
{
    private readonly XxHash128 _hash = new();

    /// <summary>Protected cells added so far.</summary>
    public long Cells { get; private set; }

    /// <summary>Adds one cell: <paramref name="text"/>, or null for a null cell.</summary>
    public void Add(int column, ReadOnlySpan<char> text, bool isNull)
    {
        Span<int> header = [column, isNull ? -1 : text.Length];
        _hash.Append(MemoryMarshal.AsBytes(header));
        if (!isNull)
        {
            _hash.Append(MemoryMarshal.AsBytes(text));
        }

        Cells++;
    }

    /// <summary>Returns the hash of the cells added so far.</summary>
    public UInt128 Value => _hash.GetCurrentHashAsUInt128();
}
