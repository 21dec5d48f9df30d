using System.Buffers;

namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>
/// The digit groups of one run, as start and end indexes. It starts in a caller's stack buffer and moves to a
/// pooled array only for runs with more groups than the buffer holds, so typical cells allocate nothing.
/// Call <see cref="Dispose"/> to return a pooled array.
/// </summary>
internal ref struct DigitGroupList
{
    private Span<(int Start, int End)> _items;
    private (int Start, int End)[]? _pooled;

    public DigitGroupList(Span<(int Start, int End)> buffer)
    {
        _items = buffer;
        _pooled = null;
        Count = 0;
    }

    public int Count { get; private set; }

    public readonly (int Start, int End) this[int index] => _items[..Count][index];

    /// <summary>Returns the groups read so far; the view is valid until the next <see cref="Add"/>.</summary>
    public readonly ReadOnlySpan<(int Start, int End)> AsSpan() => _items[..Count];

    public void Clear() => Count = 0;

    public void Add(int start, int end)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        _items[Count++] = (start, end);
    }

    public void Dispose()
    {
        if (_pooled is not null)
        {
            ArrayPool<(int Start, int End)>.Shared.Return(_pooled);
            _pooled = null;
        }
    }

    private void Grow()
    {
        (int Start, int End)[] larger = ArrayPool<(int Start, int End)>.Shared.Rent(Math.Max(16, _items.Length * 2));
        _items[..Count].CopyTo(larger);
        if (_pooled is not null)
        {
            ArrayPool<(int Start, int End)>.Shared.Return(_pooled);
        }

        _pooled = larger;
        _items = larger;
    }
}
