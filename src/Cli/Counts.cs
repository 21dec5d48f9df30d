using System.Globalization;

namespace SyntheticData.Cli;

/// <summary>Writes a count with its noun in the singular or the plural, as in "1 record" and "3 records".</summary>
internal static class Counts
{
    /// <summary>Formats <paramref name="count"/> and its noun; <paramref name="plural"/> defaults to the singular with an 's'.</summary>
    public static string Of(long count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural ?? singular + "s")}");
}
