namespace SyntheticData.Infrastructure.Compliance.Internal;

/// <summary>IAM-style wildcard matching: <c>*</c> matches any run of characters and <c>?</c> one character.</summary>
internal static class Glob
{
    /// <summary>Whether <paramref name="text"/> matches <paramref name="pattern"/>, ignoring case as IAM does for actions.</summary>
    public static bool Matches(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
