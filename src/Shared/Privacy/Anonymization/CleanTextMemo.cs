using System.IO.Hashing;
using System.Runtime.InteropServices;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Internal;

namespace SyntheticData.Privacy.Anonymization;

/// <summary>
/// A memo of clean texts for the check of written cells. It scans a text for validated findings and remembers the
/// 128-bit hashes of recent clean ones, so a value repeated on many rows, such as a generalized date, is scanned once.
/// Whether a text is clean depends on the text alone (the scanner's default region applies), so one memo serves every
/// column. A text could pass unscanned only through a 128-bit collision with a remembered one. Not thread-safe.
/// </summary>
internal sealed class CleanTextMemo(TextScanner scanner)
{
    /// <summary>Clean texts remembered: 8 MB of hashes, allocated on first use.</summary>
    public const int RememberedTexts = 524_288;

    private RecentKeySet? _clean;

    /// <summary>Returns true when <paramref name="text"/> has no validated finding.</summary>
    public bool IsClean(ReadOnlySpan<char> text)
    {
        if (!ResidualScanner.MayContainFinding(text))
        {
            return true;
        }

        UInt128 hash = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(text));
        _clean ??= new RecentKeySet(RememberedTexts);
        if (_clean.Contains(hash))
        {
            return true;
        }

        if (scanner.ContainsValidated(text))
        {
            return false;
        }

        _clean.Add(hash);
        return true;
    }

    /// <summary>Drops the remembered hashes, for example when a run ends.</summary>
    public void Release() => _clean = null;
}
