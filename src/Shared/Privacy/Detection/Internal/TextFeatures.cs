namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>What a text contains that decides which detectors can match it: its ASCII digit count, an '@' and a ':'.</summary>
internal readonly struct TextFeatures
{
    public TextFeatures(ReadOnlySpan<char> text)
    {
        int digits = 0;
        foreach (char c in text)
        {
            if (c is >= '0' and <= '9')
            {
                digits++;
            }
        }

        Digits = digits;
        HasAt = text.Contains('@');
        HasColon = text.Contains(':');
    }

    public int Digits { get; }

    public bool HasAt { get; }

    public bool HasColon { get; }
}
