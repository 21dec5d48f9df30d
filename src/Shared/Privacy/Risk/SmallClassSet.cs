namespace SyntheticData.Privacy.Risk;

/// <summary>
/// The records whose class was smaller than k in a counted pass, asked again record by record in a second pass over
/// the same input. Classes that the counter kept in memory are known by key. For classes it kept on disk, one bit per
/// record ordinal marks the records whose class was small, so the set needs no key of those classes.
/// </summary>
public sealed class SmallClassSet
{
    private readonly HashSet<UInt128> _residentKeys;
    private readonly ulong[]? _spilledRecords;

    internal SmallClassSet(HashSet<UInt128> residentKeys, ulong[]? spilledRecords)
    {
        _residentKeys = residentKeys;
        _spilledRecords = spilledRecords;
    }

    /// <summary>
    /// Returns true when the record at <paramref name="record"/> (counting from 0 in the counted pass) with class key
    /// <paramref name="key"/> was in a class smaller than k.
    /// </summary>
    public bool Contains(UInt128 key, long record)
    {
        if (_residentKeys.Contains(key))
        {
            return true;
        }

        return _spilledRecords is not null
            && record >= 0
            && (record >> 6) < _spilledRecords.Length
            && (_spilledRecords[record >> 6] & (1UL << (int)(record & 63))) != 0;
    }
}
