namespace SyntheticData.Privacy.Operators;

/// <summary>
/// A protected column whose value in the same row a redact operator also removes from its free text, because a note
/// often repeats the customer's name or street that the policy protects in its own column.
/// </summary>
/// <param name="InputIndex">The column's 0-based position in the input.</param>
/// <param name="Label">What a replaced mention is labelled with: the header in upper case, such as <c>FULL_NAME</c>.</param>
/// <param name="MatchesWords">
/// True for names: each capitalised word of two or more letters is also removed on its own, so "Brennick" goes
/// as well as "Ada Brennick". Other columns are matched as a whole value only.
/// </param>
/// <param name="Kind">
/// How a mention is normalised for a pseudonym replacement: the column's own pseudonym kind, so that a mention gets the
/// pseudonym of its column.
/// </param>
/// <param name="Dates">
/// The formats that read the column's dates, for a date of birth or another date that the policy generalises or shifts:
/// a note may write the same date in another layout (<c>20 March 1964</c> for <c>1964-03-20</c>). Null for other columns.
/// </param>
internal sealed record LinkedColumn(int InputIndex, string Label, bool MatchesWords, Policies.ValueKind Kind, DateFormats? Dates = null)
{
    /// <summary>Returns the label for a header: letters and digits in upper case, anything else as '_'.</summary>
    public static string LabelOf(string header)
    {
        var label = new System.Text.StringBuilder(header.Length);
        foreach (char c in header.Trim())
        {
            label.Append(char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        string text = label.ToString().Trim('_');
        return text.Length == 0 ? "COLUMN" : text;
    }
}
