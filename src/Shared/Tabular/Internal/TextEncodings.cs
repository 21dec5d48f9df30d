using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace SyntheticData.Tabular.Internal;

/// <summary>Resolves encoding names. UTF-8 is always the strict variant that throws on invalid bytes.</summary>
internal static class TextEncodings
{
    /// <summary>UTF-8 without BOM that throws on invalid bytes and on unpaired surrogates.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextEncodings()
    {
        // Windows code pages such as 1252 need this provider, which ships with the runtime but is not registered by default.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static bool IsUtf8(string name) =>
        string.Equals(name, "utf-8", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "utf8", StringComparison.OrdinalIgnoreCase);

    public static bool TryGet(string? name, [NotNullWhen(true)] out Encoding? encoding)
    {
        encoding = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        if (IsUtf8(name))
        {
            encoding = StrictUtf8;
            return true;
        }

        try
        {
            encoding = Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
