namespace SyntheticData.Tabular.Tests;

/// <summary>Reads every record of a reader into lists, for assertions.</summary>
internal static class RecordReading
{
    public static List<string?[]> ReadAll(IRecordReader reader)
    {
        var records = new List<string?[]>();
        while (reader.ReadNext())
        {
            var record = new string?[reader.FieldCount];
            for (int i = 0; i < record.Length; i++)
            {
                record[i] = reader.GetString(i);
            }

            records.Add(record);
        }

        return records;
    }

    public static List<string?[]> ReadCsv(string path, CsvReadOptions? options = null)
    {
        using var reader = new CsvRecordReader(path, options);
        return ReadAll(reader);
    }
}
