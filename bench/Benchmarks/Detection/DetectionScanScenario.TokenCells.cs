using System.Globalization;
using System.Text;
using SyntheticData.Benchmarks.Detection.Baseline;
using SyntheticData.Privacy.Detection;

namespace SyntheticData.Benchmarks.Detection;

/// <summary>
/// Per-cell cost on the cells that anonymized output consists of: format-preserving card and IBAN tokens that fail
/// their checksums, base32 pseudonyms, and raw phone numbers. The baseline is the scan as of commit 8edaf9d
/// (<see cref="BaselineTextScanner"/>), run on the same cells in the same process.
/// </summary>
public sealed partial class DetectionScanScenario
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private static readonly string[] AreaCodes = ["212", "415", "312", "617", "206", "303", "404", "512", "702", "808"];

    private static void MeasureTokenCells(TextScanner scanner, int repeat, int count)
    {
        BaselineTextScanner baseline = new();
        Console.WriteLine("| cells | cells with findings | baseline Scan us/cell | Scan us/cell | ContainsValidated us/cell | FindValidatedKinds us/cell | Scan speed-up | ContainsValidated speed-up |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        (string Label, Func<Random, string> Generate)[] shapes =
        [
            ("card tokens, 4 groups of 4 digits, Luhn fails", random => Group(LuhnFailing(random), ' ', 4)),
            ("card tokens, 16 plain digits, Luhn fails", LuhnFailing),
            ("IBAN tokens NL and ES, mod 97 fails", IbanToken),
            ("IBAN tokens NL and ES without any finding", random => CleanCell(random, IbanToken, scanner, baseline)),
            ("base32 pseudonyms, 26 characters", Pseudonym),
            ("US phone numbers, national formats", UsPhone),
        ];

        foreach ((string label, Func<Random, string> generate) in shapes)
        {
            Random random = new(Seed);
            string[] cells = Enumerable.Range(0, count).Select(_ => generate(random)).ToArray();
            int baselineFound = cells.Count(c => baseline.Scan(c).Count > 0);
            int scanFound = cells.Count(c => scanner.Scan(c).Count > 0);
            int checkFound = cells.Count(c => scanner.ContainsValidated(c));
            string found = scanFound == checkFound
                ? string.Create(CultureInfo.InvariantCulture, $"{scanFound} (baseline {baselineFound})")
                : string.Create(CultureInfo.InvariantCulture, $"MISMATCH: Scan {scanFound}, ContainsValidated {checkFound}");
            if (Environment.GetEnvironmentVariable("DETECTION_SCAN_SHOW_DIFFERENCES") == "1")
            {
                foreach (string cell in cells.Where(c => (baseline.Scan(c).Count > 0) != (scanner.Scan(c).Count > 0)).Take(5))
                {
                    Console.WriteLine($"difference: [{cell}] {string.Join(",", scanner.Scan(cell).Select(span => $"{span.Kind}@{span.Start}+{span.Length}"))}");
                }
            }

            double old = WarmedCpuMilliseconds(repeat, () => cells.Sum(c => baseline.Scan(c).Count));
            double scan = WarmedCpuMilliseconds(repeat, () => cells.Sum(c => scanner.Scan(c).Count));
            double check = WarmedCpuMilliseconds(repeat, () => cells.Count(c => scanner.ContainsValidated(c)));
            double tally = WarmedCpuMilliseconds(repeat, () => CountKinds(scanner, cells));
            double perCell = 1000.0 / count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {found} of {count} | {old * perCell:F3} | {scan * perCell:F3} | {check * perCell:F3} | {tally * perCell:F3} | {old / Math.Max(scan, 0.001):F1} | {old / Math.Max(check, 0.001):F1} |"));
        }
    }

    /// <summary>
    /// Returns the best CPU time of the action after three untimed runs and a pause, so that tiered compilation has
    /// replaced the first, unoptimised code (it waits about 100 ms after a method's 30th call) before timing starts.
    /// </summary>
    private static double WarmedCpuMilliseconds(int repeat, Func<int> action)
    {
        for (int i = 0; i < 3; i++)
        {
            action();
        }

        Thread.Sleep(300);
        return BestCpuMilliseconds(repeat, action);
    }

    /// <summary>
    /// Returns a generated cell in which neither scan finds anything, as the token operator's output is: it encrypts a
    /// token again until the scan comes back empty.
    /// </summary>
    private static string CleanCell(Random random, Func<Random, string> generate, TextScanner scanner, BaselineTextScanner baseline)
    {
        while (true)
        {
            string cell = generate(random);
            if (scanner.Scan(cell).Count == 0 && baseline.Scan(cell).Count == 0)
            {
                return cell;
            }
        }
    }

    private static int CountKinds(TextScanner scanner, string[] cells)
    {
        Span<PiiKind> kinds = stackalloc PiiKind[TextScanner.TextKindCount];
        int total = 0;
        foreach (string cell in cells)
        {
            total += scanner.FindValidatedKinds(cell, null, kinds);
        }

        return total;
    }

    /// <summary>Returns 16 random digits that fail the Luhn check, as a format-preserving token of a card number does.</summary>
    private static string LuhnFailing(Random random)
    {
        char[] digits = new char[16];
        for (int i = 0; i < digits.Length; i++)
        {
            digits[i] = (char)('0' + random.Next(10));
        }

        if (PassesLuhn(digits))
        {
            digits[^1] = (char)('0' + ((digits[^1] - '0' + 1) % 10));
        }

        return new string(digits);
    }

    private static bool PassesLuhn(char[] digits)
    {
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit = digit * 2 > 9 ? (digit * 2) - 9 : digit * 2;
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    /// <summary>Returns an NL token (4 letters, 10 digits) or an ES token (20 digits) in groups of four, failing mod 97.</summary>
    private static string IbanToken(Random random)
    {
        bool dutch = random.Next(2) == 0;
        StringBuilder token = new(dutch ? "NL" : "ES");
        token.Append(random.Next(10, 100).ToString(CultureInfo.InvariantCulture));
        int letters = dutch ? 4 : 0;
        int length = dutch ? 14 : 20;
        for (int i = 0; i < length; i++)
        {
            token.Append(i < letters ? (char)('A' + random.Next(26)) : (char)('0' + random.Next(10)));
        }

        string grouped = Group(token.ToString(), ' ', 4);
        return new IbanDetector().Validate(grouped) == ValueCheck.Valid ? IbanToken(random) : grouped;
    }

    private static string Pseudonym(Random random)
    {
        char[] pseudonym = new char[26];
        for (int i = 0; i < pseudonym.Length; i++)
        {
            pseudonym[i] = Base32Alphabet[random.Next(Base32Alphabet.Length)];
        }

        return new string(pseudonym);
    }

    private static string UsPhone(Random random)
    {
        string area = AreaCodes[random.Next(AreaCodes.Length)];
        int exchange = random.Next(200, 1000);
        int line = random.Next(10000);
        return random.Next(3) switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"({area}) {exchange}-{line:0000}"),
            1 => string.Create(CultureInfo.InvariantCulture, $"{area}-{exchange}-{line:0000}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{area}.{exchange}.{line:0000}"),
        };
    }

    private static string Group(string value, char separator, int size) =>
        string.Join(separator, value.Chunk(size).Select(chunk => new string(chunk)));
}
