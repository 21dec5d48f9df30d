namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>
/// What a text contains that decides which detectors can match it: its ASCII digit and letter counts and whether it
/// has an '@', a ':', a '.', a '^' or '=' (the field separators of magnetic-stripe tracks), a '/', a character
/// outside ASCII, and anything but ASCII letters and digits.
/// </summary>
internal readonly struct TextFeatures
{
    public TextFeatures(ReadOnlySpan<char> text)
    {
        int digits = 0;
        int letters = 0;
        bool at = false;
        bool colon = false;
        bool dot = false;
        bool trackSeparator = false;
        bool nonAscii = false;
        bool slash = false;
        foreach (char c in text)
        {
            switch (c)
            {
                case >= '0' and <= '9':
                    digits++;
                    break;
                case >= 'A' and <= 'Z' or >= 'a' and <= 'z':
                    letters++;
                    break;
                case '@':
                    at = true;
                    break;
                case ':':
                    colon = true;
                    break;
                case '.':
                    dot = true;
                    break;
                case '^' or '=':
                    trackSeparator = true;
                    break;
                case '/':
                    slash = true;
                    break;
                case > '\u007F':
                    nonAscii = true;
                    break;
            }
        }

        // A text of letters and digits alone, such as an IBAN or card token, is one word, so no label in it is set apart
        // from a value.
        OneWord = digits + letters == text.Length;

        Digits = digits;
        AsciiLetters = letters;
        HasAt = at;
        HasColon = colon;
        HasDot = dot;
        HasTrackSeparator = trackSeparator;
        HasNonAscii = nonAscii;
        HasSlash = slash;
    }

    public int Digits { get; }

    public int AsciiLetters { get; }

    public bool HasAt { get; }

    public bool HasColon { get; }

    public bool HasDot { get; }

    public bool HasTrackSeparator { get; }

    public bool HasNonAscii { get; }

    public bool HasSlash { get; }

    public bool OneWord { get; }
}
