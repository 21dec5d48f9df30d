using System.Text;

namespace SyntheticData.Evaluation.Internal;

/// <summary>
/// Converts the strftime formats that SDMetrics metadata uses (<c>%Y-%m-%d</c>) to .NET custom format strings.
/// </summary>
internal static class StrftimeFormat
{
    public static string ToDotNet(string strftime)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < strftime.Length; i++)
        {
            char c = strftime[i];
            if (c != '%' || i + 1 == strftime.Length)
            {
                AppendLiteral(builder, c);
                continue;
            }

            char directive = strftime[++i];
            builder.Append(directive switch
            {
                'Y' => "yyyy",
                'y' => "yy",
                'm' => "MM",
                'd' => "dd",
                'H' => "HH",
                'I' => "hh",
                'M' => "mm",
                'S' => "ss",
                'f' => "ffffff",
                'p' => "tt",
                'b' => "MMM",
                'B' => "MMMM",
                'a' => "ddd",
                'A' => "dddd",
                'z' => "zzz",
                '%' => "\\%",
                _ => throw new EvaluationException($"The datetime format directive '%{directive}' is not supported."),
            });
        }

        return builder.ToString();
    }

    private static void AppendLiteral(StringBuilder builder, char c)
    {
        if (char.IsLetter(c) || c is '\\' or '"' or '\'' or '%' or ':' or '/')
        {
            builder.Append('\\');
        }

        builder.Append(c);
    }
}
