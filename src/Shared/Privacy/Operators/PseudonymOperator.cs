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

    private readonly BoundedCache<string> _cache = new(BoundedCache<string>.DefaultCapacity, StringComparer.Ordinal);

    // Phone numbers are keyed by region too, because the same national-format number means another
    // number elsewhere. The tuple key avoids building a combined string per lookup.
    private readonly BoundedCache<(string Region, string Value)> _phoneCache = new(BoundedCache<string>.DefaultCapacity);

    public override OperatorKind Kind => OperatorKind.Pseudonym;

    public override bool TryApply(string value, RowContext row, out string output)
    {
        if (kind == ValueKind.Phone)
        {
            (string Region, string Value) key = (row.PhoneRegion ?? string.Empty, value);
            if (!_phoneCache.TryGetValue(key, out string? phonePseudonym))
            {
                phonePseudonym = Pseudonymize(value, row.PhoneRegion);
                _phoneCache.Add(key, phonePseudonym);
            }

            output = phonePseudonym;
            return true;
        }

        if (!_cache.TryGetValue(value, out string? pseudonym))
        {
            pseudonym = Pseudonymize(value, phoneRegion: null);
            _cache.Add(value, pseudonym);
        }

        output = pseudonym;
        return true;
    }

    private string Pseudonymize(string value, string? phoneRegion) =>
        pseudonymizer.Pseudonymize(ValueNormalizer.Normalize(value, kind, phoneRegion), length, prefix);
}
