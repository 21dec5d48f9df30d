using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Finds e-mail addresses: a local part of the RFC 5322 atom characters (dots between them), an '@', and a
/// domain of at least two labels whose last label has two or more letters. Domain labels may use any
/// script, so internationalised domains are found too. Quoted local parts are not supported.
/// </summary>
public sealed class EmailDetector : IDetector
{
    private const int MaximumLocalLength = 64;
    private const int MaximumDomainLength = 253;

    /// <inheritdoc />
    public PiiKind Kind => PiiKind.Email;

    /// <inheritdoc />
    public void Detect(ReadOnlySpan<char> text, List<PiiFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        FindingListSink sink = new(findings);
        Find(text, ref sink);
    }

    /// <summary>Reports the matches in <paramref name="text"/> to <paramref name="sink"/> and returns false when the sink stopped the scan.</summary>
    internal bool Find<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IFindingSink
    {
        int searchFrom = 0;
        int lastEnd = 0;
        while (searchFrom < text.Length)
        {
            int at = text[searchFrom..].IndexOf('@');
            if (at < 0)
            {
                return true;
            }

            at += searchFrom;
            searchFrom = at + 1;

            // Both expansions are capped by the RFC 5321 limits, so each '@' costs bounded work.
            int start = at;
            while (start > lastEnd && at - start < MaximumLocalLength && IsLocalChar(text[start - 1]))
            {
                start--;
            }

            while (start < at && text[start] == '.')
            {
                start++;
            }

            int end = at + 1;
            while (end < text.Length && end - at <= MaximumDomainLength && IsDomainChar(text[end]))
            {
                end++;
            }

            while (end > at + 1 && text[end - 1] is '.' or '-')
            {
                end--;
            }

            if (start < at && IsValidAddress(text[start..end], at - start))
            {
                if (!sink.Add(new PiiFinding(PiiKind.Email, start, end - start, IsValidated: true)))
                {
                    return false;
                }

                lastEnd = end;
                searchFrom = end;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public ValueCheck Validate(ReadOnlySpan<char> cell)
    {
        ReadOnlySpan<char> value = cell.Trim();
        int at = value.IndexOf('@');
        if (at > 0 && value.LastIndexOf('@') == at && IsValidAddress(value, at))
        {
            return ValueCheck.Valid;
        }

        return CellCoverage.Check(value, this);
    }

    private static bool IsValidAddress(ReadOnlySpan<char> address, int at)
    {
        ReadOnlySpan<char> local = address[..at];
        ReadOnlySpan<char> domain = address[(at + 1)..];
        if (local.Length is 0 or > MaximumLocalLength || domain.Length is 0 or > MaximumDomainLength)
        {
            return false;
        }

        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (char c in local)
        {
            if (!IsLocalChar(c))
            {
                return false;
            }
        }

        int labels = 0;
        ReadOnlySpan<char> lastLabel = default;
        foreach (Range range in domain.Split('.'))
        {
            ReadOnlySpan<char> label = domain[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (char c in label)
            {
                if (!IsDomainChar(c) || c == '.')
                {
                    return false;
                }
            }

            labels++;
            lastLabel = label;
        }

        if (labels < 2 || lastLabel.Length < 2)
        {
            return false;
        }

        foreach (char c in lastLabel)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    // Letters and digits of any script, because internationalised addresses (RFC 6531) such as zébulon@exämple.org have
    // them before the '@' as well as after it.
    private static bool IsLocalChar(char c) =>
        char.IsLetterOrDigit(c) || c is '.' or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '/'
            or '=' or '?' or '^' or '_' or '`' or '{' or '|' or '}' or '~' or '-';

    private static bool IsDomainChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '.';
}
