using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace SyntheticData.Privacy.Anonymization;

/// <summary>
/// A 128-bit hash of every protected cell of an output in order. Each cell becomes a 64-bit XxHash3 of its text, seeded
/// with its column position and whether it is null, and the sequence of cell hashes is hashed with XxHash128 in batches.
/// The anonymizing pass hashes the cells it writes and the rescan the cells it reads back, so equal hashes show that the
/// file contains exactly the cells that were checked while writing. A changed cell goes unnoticed only when its 64-bit
/// hash collides. XxHash is not cryptographic: it catches any accidental difference between what was written and what
/// is read, not a file edited by someone who crafts a collision, who could as well edit the file after the rescan.
/// Not thread-safe.
/// </summary>
internal sealed class ProtectedCellDigest
{
    // Cell hashes wait here so the sequence hash takes them in batches instead of a few bytes per call.
    private readonly ulong[] _pending = new ulong[64];
    private readonly XxHash128 _hash = new();
    private int _pendingCount;

    /// <summary>Protected cells added so far.</summary>
    public long Cells { get; private set; }

    /// <summary>Adds one cell: <paramref name="text"/>, or null for a null cell.</summary>
    public void Add(int column, ReadOnlySpan<char> text, bool isNull)
    {
        // Column positions are not negative, so a null cell's seed never equals a text cell's.
        long seed = isNull ? ~(long)column : column;
        _pending[_pendingCount++] = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(isNull ? default : text), seed);
        if (_pendingCount == _pending.Length)
        {
            Flush();
        }

        Cells++;
    }

    /// <summary>Returns the hash of the cells added so far.</summary>
    public UInt128 Value
    {
        get
        {
            Flush();
            return _hash.GetCurrentHashAsUInt128();
        }
    }

    private void Flush()
    {
        _hash.Append(MemoryMarshal.AsBytes(_pending.AsSpan(0, _pendingCount)));
        _pendingCount = 0;
    }
}
