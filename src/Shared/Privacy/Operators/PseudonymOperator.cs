using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Internal;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Operators;

/// <summary>
/// Replaces each value with the HMAC-SHA256 pseudonym of its normalised form (see <see cref="ValueNormalizer"/>),
/// so the same customer gets the same pseudonym in every extract made with one key version.
/// </summary>
public sealed class PseudonymOperator(HmacPseudonymizer pseudonymizer, ValueKind kind, int length, string prefix)
    : ColumnOperator
{
    /// <summary>The default pseudonym length: 16 letters carry 75 bits.</summary>
    public const int DefaultLength = 16;

    public override OperatorKind Kind => OperatorKind.Pseudonym;

    // Keyed by region too, because the same national-format phone number means another number elsewhere.
    private readonly BoundedCache _cache = new(BoundedCache.DefaultCapacity);

    public override bool TryApply(string value, RowContext row, out string output)
    {
        string region = row.PhoneRegion ?? string.Empty;
        output = _cache.GetOrAdd(
            kind == ValueKind.Phone ? region + "\u0000" + value : value,
            _ => pseudonymizer.Pseudonymize(ValueNormalizer.Normalize(value, kind, row.PhoneRegion), length, prefix));
        return true;
    }
}
