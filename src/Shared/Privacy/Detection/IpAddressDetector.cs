using System.Net;
using System.Net.Sockets;
using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Finds IPv4 addresses in dotted-decimal form (four numbers 0-255 without leading zeros) and IPv6
/// addresses that <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/> accepts and that
/// have the IPv6 shape (eight groups, or fewer with one "::"), so clock times and MAC addresses are not taken.
/// </summary>
public sealed class IpAddressDetector : IDetector
{
    private const int MaximumIpv6Length = 45;

    /// <inheritdoc />
    public PiiKind Kind => PiiKind.IpAddress;

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
        int i = 0;
        while (i < text.Length)
        {
            if (!IsAddressChar(text[i]) || (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '.' || (text[i - 1] == ':' && !IsLabelColon(text, i - 1)))))
            {
                i++;
                continue;
            }

            int end = i;
            while (end < text.Length && IsAddressChar(text[end]))
            {
                end++;
            }

            // A trailing dot or colon ends a sentence or a label, not the address.
            int trimmed = end;
            while (trimmed > i && text[trimmed - 1] is '.' or ':')
            {
                trimmed--;
            }

            // An IPv4 address with a port (1.2.3.4:8080) reads as one run that is no IPv6 address.
            if (!IsAddress(text[i..trimmed]) && text[i..trimmed].IndexOf(':') is int colon and > 0
                && TextBoundary.AreAsciiDigits(text[(i + colon + 1)..trimmed]) && IsIpv4(text[i..(i + colon)]))
            {
                trimmed = i + colon;
            }

            bool glued = end < text.Length && char.IsLetterOrDigit(text[end]);
            if (!glued && IsAddress(text[i..trimmed]) && !sink.Add(new PiiFinding(PiiKind.IpAddress, i, trimmed - i, IsValidated: true)))
            {
                return false;
            }

            i = end;
        }

        return true;
    }

    /// <inheritdoc />
    public ValueCheck Validate(ReadOnlySpan<char> cell)
    {
        ReadOnlySpan<char> value = cell.Trim();
        return IsAddress(value) ? ValueCheck.Valid : CellCoverage.Check(value, this);
    }

    private static bool IsAddress(ReadOnlySpan<char> candidate) =>
        candidate.Contains(':') ? IsIpv6(candidate) : IsIpv4(candidate);

    private static bool IsIpv4(ReadOnlySpan<char> candidate)
    {
        int parts = 0;
        ReadOnlySpan<char> rest = candidate;
        while (true)
        {
            int dot = rest.IndexOf('.');
            ReadOnlySpan<char> part = dot < 0 ? rest : rest[..dot];
            parts++;
            if (parts > 4 || !IsOctet(part))
            {
                return false;
            }

            if (dot < 0)
            {
                return parts == 4;
            }

            rest = rest[(dot + 1)..];
        }
    }

    /// <summary>Returns true for a decimal number from 0 to 255 written without leading zeros.</summary>
    private static bool IsOctet(ReadOnlySpan<char> part)
    {
        if (part.Length is 0 or > 3 || !TextBoundary.AreAsciiDigits(part) || (part.Length > 1 && part[0] == '0'))
        {
            return false;
        }

        int value = 0;
        foreach (char c in part)
        {
            value = (value * 10) + (c - '0');
        }

        return value <= 255;
    }

    private static bool IsIpv6(ReadOnlySpan<char> candidate)
    {
        if (candidate.Length > MaximumIpv6Length)
        {
            return false;
        }

        int colons = candidate.Count(':');
        bool compressed = candidate.Contains("::", StringComparison.Ordinal);
        bool embeddedIpv4 = candidate.Contains('.');
        int expectedColons = embeddedIpv4 ? 6 : 7;
        if (!compressed && colons != expectedColons)
        {
            return false;
        }

        if (colons < 2)
        {
            return false;
        }

        return IPAddress.TryParse(candidate, out IPAddress? address) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }

    /// <summary>
    /// True when the ':' at <paramref name="colon"/> ends a label such as <c>IP:</c> or <c>Contact:</c> rather than a
    /// group of an IPv6 address: the word before it is empty or has a letter beyond A to F.
    /// </summary>
    private static bool IsLabelColon(ReadOnlySpan<char> text, int colon)
    {
        for (int i = colon - 1; i >= 0 && char.IsLetterOrDigit(text[i]); i--)
        {
            if (char.IsLetter(text[i]) && !char.IsAsciiHexDigit(text[i]))
            {
                return true;
            }
        }

        return colon == 0 || !char.IsLetterOrDigit(text[colon - 1]);
    }

    private static bool IsAddressChar(char c) => char.IsAsciiHexDigit(c) || c is '.' or ':';
}
