using System.Text;

namespace SyntheticData.Evaluation.Tests.Internal;

/// <summary>
/// Reads the golden CSV files: comma-separated, a header line, RFC 4180 quotes, and no trimming, because Adult's
/// categories keep their leading blank. An empty field becomes null.
/// </summary>
internal static class CsvText
{
    public static (string[] Header, List<string?[]> Rows) Read(string path)
    {
        List<string?[]> records = Parse(File.ReadAllText(path, Encoding.UTF8));
        string[] header = records[0].Select(name => name ?? string.Empty).ToArray();
        List<string?[]> rows = records.Skip(1).ToList();
        foreach (string?[] row in rows)
        {
            Assert.Equal(header.Length, row.Length);
        }

        return (header, rows);
    }

    private static List<string?[]> Parse(string text)
    {
        var records = new List<string?[]>();
        var fields = new List<string?>();
        var field = new StringBuilder();
        bool inQuotes = false;
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inQuotes = true;
                    quoted = true;
                    break;
                case ',':
                    fields.Add(EndField(field, quoted));
                    quoted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(EndField(field, quoted));
                    quoted = false;
                    records.Add(fields.ToArray());
                    fields.Clear();
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(EndField(field, quoted));
            records.Add(fields.ToArray());
        }

        return records;
    }

    private static string? EndField(StringBuilder field, bool quoted)
    {
        string? value = field.Length == 0 && !quoted ? null : field.ToString();
        field.Clear();
        return value;
    }
}
