using SyntheticData.Privacy.Crypto;
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

    public override bool TryApply(string value, RowContext row, out string output)
    {
        string normalized = ValueNormalizer.Normalize(value, kind, row.PhoneRegion);
        output = pseudonymizer.Pseudonymize(normalized, length, prefix);
        return true;
    }
}
