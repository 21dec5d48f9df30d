using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SyntheticData.Privacy.Tests.Support;

namespace SyntheticData.Privacy.Tests.Properties;

/// <summary>
/// Invariants of the anonymizer over generated extracts: protected values never survive, shape is kept,
/// and output depends on the key and only on the key.
/// </summary>
public sealed class AnonymizationProperties
{
    private static readonly string Policy = AnonymizationHarness.Policy(
        "\"name\": {\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"name\"}}, " +
        "\"email\": {\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"email\"}}, " +
        "\"card\": {\"operator\": \"token\"}, " +
        "\"account\": {\"operator\": \"token\", \"parameters\": {\"kind\": \"digits\"}}, " +
        "\"note\": {\"operator\": \"keep\"}");

    private static readonly string[] Header = ["name", "email", "card", "account", "note"];

    private static Gen<string> Word(int minimum, int maximum) =>
        from length in Gen.Choose(minimum, maximum)
        from letters in Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéøΣ".ToCharArray()), length)
        select new string(letters);

    private static Gen<string> Digits(int minimum, int maximum) =>
        from length in Gen.Choose(minimum, maximum)
        from digits in Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), length)
        select new string(digits);

    private static Gen<string[]> Record() =>
        from first in Word(4, 12)
        from last in Word(4, 12)
        from local in Word(6, 12)
        from card in Digits(13, 19)
        from account in Digits(8, 12)
        from note in Gen.Elements("gold", "silver", "with, comma", "with \"quote\"", "two\nlines")
        select new[] { first + " " + last, local.ToLowerInvariant() + "@example.org", card, account, note };

    private static Arbitrary<string[][]> Extracts() =>
        Gen.Choose(0, 30).SelectMany(count => Gen.ArrayOf(Record(), count)).ToArbitrary();

    private static string ToCsv(string[][] records)
    {
        var csv = new StringBuilder(string.Join(',', Header)).Append('\n');
        foreach (string[] record in records)
        {
            csv.Append(string.Join(',', record.Select(Quote))).Append('\n');
        }

        return csv.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [Property(MaxTest = 30)]
    public Property NoProtectedValue_SurvivesAnywhere() =>
        Prop.ForAll(Extracts(), records =>
        {
            (string output, _, _) = AnonymizationHarness.Run(ToCsv(records), Policy);
            return records.All(record => record.Take(4).All(value => !output.Contains(value, StringComparison.Ordinal)));
        });

    [Property(MaxTest = 30)]
    public Property RowCountAndHeader_ArePreserved() =>
        Prop.ForAll(Extracts(), records =>
        {
            (string output, var summary, _) = AnonymizationHarness.Run(ToCsv(records), Policy);
            (IReadOnlyList<string> header, List<string?[]> rows) = AnonymizationHarness.Parse(output);
            return header.SequenceEqual(Header)
                && rows.Count == records.Length
                && summary.Records == records.Length
                && rows.Select(row => row[4]).SequenceEqual(records.Select(record => record[4]));
        });

    [Property(MaxTest = 20)]
    public Property SameKey_SameOutput_OtherKey_DifferentOutput() =>
        Prop.ForAll(Extracts().Filter(records => records.Length > 0), records =>
        {
            string csv = ToCsv(records);
            string first = AnonymizationHarness.Run(csv, Policy, AnonymizationHarness.KeyA).Output;
            string again = AnonymizationHarness.Run(csv, Policy, AnonymizationHarness.KeyA).Output;
            string other = AnonymizationHarness.Run(csv, Policy, AnonymizationHarness.KeyB).Output;
            List<string?[]> firstRows = AnonymizationHarness.Parse(first).Rows;
            List<string?[]> otherRows = AnonymizationHarness.Parse(other).Rows;
            bool everyProtectedCellChanges = firstRows.Zip(otherRows)
                .All(pair => Enumerable.Range(0, 4).All(i => pair.First[i] != pair.Second[i]));
            return first == again && everyProtectedCellChanges;
        });
}
