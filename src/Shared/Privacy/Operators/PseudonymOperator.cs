using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Internal;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Operators;

/// <summary>
/// Replaces each value with the HMAC-SHA256 pseudonym of its normalised form (see <see cref="ValueNormalizer"/>),
/// so the same customer gets the same pseudonym in every extract made with one key version.
/// Not thread-safe because of its cache, so each anonymization run builds its own instance.
/// </summary>
public sealed class PseudonymOperator(HmacPseudonymizer pseudonymizer, ValueKind kind, int length, string prefix)
    : ColumnOperator
{
    /// <summary>The default pseudonym length: 16 letters carry 75 bits.</summary>
    public const int DefaultLength = 16;

    private readonly ValueCache _cache = new(slotLength: ValueCache.SlotLengthFor(prefix.Length + length));

    public override OperatorKind Kind => OperatorKind.Pseudonym;

    /// <summary>How values are normalised before they are hashed.</summary>
    public ValueKind ValueKind => kind;

    /// <summary>True while the cache is paused because too few lookups hit it.</summary>
    internal bool IsCachePaused => _cache.IsPaused;

    public override void ReleaseCaches() => _cache.Release();

    public override long MaximumCacheBytes => _cache.MaximumBytes;

    public override void LimitCache(double share) => _cache.LimitCapacity((int)(_cache.Capacity * share));

    public override bool TryApply(string value, RowContext row, out string output)
    {
        ArgumentNullException.ThrowIfNull(value);
        output = Lookup(value, value, row);
        return true;
    }

    public override bool TryApply(ReadOnlySpan<char> value, RowContext row, out string output)
    {
        output = Lookup(value, text: null, row);
        return true;
    }

    public override bool Prefetches => true;

    public override UInt128 Prefetch(ReadOnlySpan<char> value, RowContext row)
    {
        UInt128 key = KeyOf(value, row);
        _cache.Prefetch(key);
        return key;
    }

    public override bool TryApply(ReadOnlySpan<char> value, RowContext row, UInt128 cacheKey, out string output)
    {
        output = Lookup(value, text: null, row, cacheKey);
        return true;
    }

    public override bool TryApplyUncached(ReadOnlySpan<char> value, RowContext row, UInt128 cacheKey, out string output)
    {
        output = PseudonymizeAndCache(value.ToString(), row, cacheKey);
        return true;
    }

    public override bool TryCopyCached(UInt128 cacheKey, Span<char> destination, out int length) =>
        _cache.TryCopyTo(cacheKey, destination, out length);

    private string Lookup(ReadOnlySpan<char> value, string? text, RowContext row) => Lookup(value, text, row, KeyOf(value, row));

    /// <summary>Returns the cached pseudonym of <paramref name="value"/>, computing it from <paramref name="text"/> (or a copy of the value) on a miss.</summary>
    private string Lookup(ReadOnlySpan<char> value, string? text, RowContext row, UInt128 key)
    {
        if (_cache.TryGetValue(key, out string? pseudonym))
        {
            return pseudonym;
        }

        return PseudonymizeAndCache(text ?? value.ToString(), row, key);
    }

    private string PseudonymizeAndCache(string value, RowContext row, UInt128 key)
    {
        string pseudonym = Pseudonymize(value, RegionOf(row));
        _cache.Add(key, pseudonym);
        return pseudonym;
    }

    // Phone numbers are keyed by region too, because the same national-format number means another number elsewhere.
    private UInt128 KeyOf(ReadOnlySpan<char> value, RowContext row) => ValueCache.KeyOf(value, RegionContext(RegionOf(row)));

    private string? RegionOf(RowContext row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return kind == ValueKind.Phone ? row.PhoneRegion : null;
    }

    /// <summary>Returns a distinct cache context per region: 0 for none, otherwise a number built from the region's characters.</summary>
    private static long RegionContext(string? region)
    {
        long context = 0;
        foreach (char c in region ?? string.Empty)
        {
            context = (context * 65_537) + c + 1;
        }

        return context;
    }

    private string Pseudonymize(string value, string? phoneRegion) =>
        pseudonymizer.Pseudonymize(ValueNormalizer.Normalize(value, kind, phoneRegion), length, prefix);
}
