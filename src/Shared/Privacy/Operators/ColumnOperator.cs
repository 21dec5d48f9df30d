using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Operators;

/// <summary>
/// Transforms the non-null values of one column. Operators are deterministic for one key version.
/// Null markers never reach an operator: the anonymizer writes them unchanged.
/// </summary>
public abstract class ColumnOperator
{
    /// <summary>The longest output that <see cref="TryCopyCached"/> copies, so callers size its destination.</summary>
    public const int MaximumCopiedOutputLength = 64;

    /// <summary>The policy operator this instance implements.</summary>
    public abstract OperatorKind Kind { get; }

    /// <summary>
    /// Transforms <paramref name="value"/>. Returns false when the value matches none of the formats the
    /// operator accepts; the anonymizer then writes a missing value and reports the line and column.
    /// </summary>
    public abstract bool TryApply(string value, RowContext row, out string output);

    /// <summary>
    /// Transforms <paramref name="value"/> as <see cref="TryApply(string, RowContext, out string)"/> does. Operators
    /// that cache their outputs override it to look a repeated value up without making a string of it first.
    /// </summary>
    public virtual bool TryApply(ReadOnlySpan<char> value, RowContext row, out string output) =>
        TryApply(value.ToString(), row, out output);

    /// <summary>
    /// True when the output of the latest successful <c>TryApply</c> passed the operator's detectability check, when it
    /// was made or before it was cached, so that no detector finds personal data in it. False when nothing checked it.
    /// </summary>
    public virtual bool LastOutputChecked => false;

    /// <summary>True when <see cref="Prefetch"/> does something, so that callers skip it for the other operators.</summary>
    public virtual bool Prefetches => false;

    /// <summary>
    /// Asks the processor to start loading what a later <c>TryApply</c> of <paramref name="value"/> will read, such as the
    /// cache entry, so that the loads of several columns of a row overlap. Changes no output. Returns the value's cache
    /// key, which <see cref="TryApply(ReadOnlySpan{char}, RowContext, UInt128, out string)"/> takes so that the key is
    /// not computed twice. The default does nothing and returns 0.
    /// </summary>
    public virtual UInt128 Prefetch(ReadOnlySpan<char> value, RowContext row) => 0;

    /// <summary>
    /// Transforms <paramref name="value"/> as <see cref="TryApply(ReadOnlySpan{char}, RowContext, out string)"/> does, with
    /// the <paramref name="cacheKey"/> that <see cref="Prefetch"/> returned for the same value and row.
    /// </summary>
    public virtual bool TryApply(ReadOnlySpan<char> value, RowContext row, UInt128 cacheKey, out string output) =>
        TryApply(value, row, out output);

    /// <summary>
    /// Transforms <paramref name="value"/> as <see cref="TryApply(ReadOnlySpan{char}, RowContext, UInt128, out string)"/> does,
    /// right after <see cref="TryCopyCached"/> returned false for the same <paramref name="cacheKey"/>. Operators with a
    /// cache override it to skip a second search, which would also count the lookup twice in the cache's hit share.
    /// </summary>
    public virtual bool TryApplyUncached(ReadOnlySpan<char> value, RowContext row, UInt128 cacheKey, out string output) =>
        TryApply(value, row, cacheKey, out output);

    /// <summary>
    /// Copies the cached output of the value whose <paramref name="cacheKey"/> <see cref="Prefetch"/> returned into
    /// <paramref name="destination"/>, which has room for at least <see cref="MaximumCopiedOutputLength"/> characters, and counts
    /// as a successful <c>TryApply</c> of that value. Returns false when the output is not cached, and then the caller
    /// applies the operator as usual. The default caches nothing.
    /// </summary>
    public virtual bool TryCopyCached(UInt128 cacheKey, Span<char> destination, out int length)
    {
        length = 0;
        return false;
    }

    /// <summary>The bytes the operator's cache of recent outputs may grow to; 0 for operators without one.</summary>
    public virtual long MaximumCacheBytes => 0;

    /// <summary>
    /// Shrinks the operator's cache, before its first use, to about <paramref name="share"/> (0 to 1) of its maximum,
    /// so that the caches of all columns fit one memory budget. Does nothing for operators without a cache.
    /// </summary>
    public virtual void LimitCache(double share)
    {
    }

    /// <summary>
    /// Drops what the operator remembers between rows, such as its cache of recent outputs, so that the memory is
    /// free for the rescan that follows a run. The operator stays usable and gives the same outputs.
    /// </summary>
    public virtual void ReleaseCaches()
    {
    }
}
