using System.Text;
using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Operators;

/// <summary>
/// Replaces every span of personal data that a text scanner finds in free text. Spans are replaced
/// whole (the scanner merges overlapping findings), so no part of a match is left in clear.
/// </summary>
public sealed class RedactOperator : ColumnOperator
{
    private readonly Func<string, string?, IReadOnlyList<PiiSpan>> _scan;
    private readonly HmacPseudonymizer _pseudonymizer;
    private readonly RedactReplacement _replacement;

    /// <summary>Creates a redact operator.</summary>
    /// <param name="scan">Returns the merged spans of validated findings in a text, for a phone region.</param>
    /// <param name="pseudonymizer">Used when the replacement is a pseudonym.</param>
    /// <param name="replacement">What replaces each span.</param>
    public RedactOperator(
        Func<string, string?, IReadOnlyList<PiiSpan>> scan,
        HmacPseudonymizer pseudonymizer,
        RedactReplacement replacement)
    {
        ArgumentNullException.ThrowIfNull(scan);
        _scan = scan;
        _pseudonymizer = pseudonymizer;
        _replacement = replacement;
    }

    public override OperatorKind Kind => OperatorKind.Redact;

    public override bool TryApply(string value, RowContext row, out string output)
    {
        IReadOnlyList<PiiSpan> spans = _scan(value, row.PhoneRegion);
        if (spans.Count == 0)
        {
            output = value;
            return true;
        }

        var builder = new StringBuilder(value.Length);
        int position = 0;
        foreach (PiiSpan span in spans.OrderBy(s => s.Start))
        {
            if (span.Start < position)
            {
                // Overlaps a span already replaced: extend the replacement instead of leaving a part in clear.
                position = Math.Max(position, span.End);
                continue;
            }

            builder.Append(value, position, span.Start - position);
            builder.Append(Replacement(span.Kind, value.AsSpan(span.Start, span.Length), row));
            position = span.End;
        }

        builder.Append(value, position, value.Length - position);
        output = builder.ToString();
        return true;
    }

    private string Replacement(PiiKind kind, ReadOnlySpan<char> span, RowContext row)
    {
        string label = KindLabel(kind);
        if (_replacement == RedactReplacement.Kind)
        {
            return "[" + label + "]";
        }

        ValueKind valueKind = kind switch
        {
            PiiKind.Email => ValueKind.Email,
            PiiKind.Phone => ValueKind.Phone,
            PiiKind.CardNumber => ValueKind.Card,
            PiiKind.Iban => ValueKind.Iban,
            PiiKind.PersonName => ValueKind.Name,
            PiiKind.Ssn or PiiKind.AccountNumber or PiiKind.Identifier => ValueKind.Identifier,
            _ => ValueKind.Generic,
        };
        string normalized = ValueNormalizer.Normalize(span.ToString(), valueKind, row.PhoneRegion);
        return "[" + label + ":" + _pseudonymizer.Pseudonymize(normalized, PseudonymOperator.DefaultLength) + "]";
    }

    private static string KindLabel(PiiKind kind)
    {
        // SCREAMING_SNAKE_CASE of the enum name: CardNumber becomes CARD_NUMBER.
        string name = kind.ToString();
        var label = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                label.Append('_');
            }

            label.Append(char.ToUpperInvariant(name[i]));
        }

        return label.ToString();
    }
}
