using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Fpe;
using Org.BouncyCastle.Crypto.Parameters;
using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Operators;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Benchmarks.Anonymization;

/// <summary>
/// Measures the cost per value of the pseudonym and token operators on 50,000 distinct generated values
/// per kind. Each pass starts a new operator with an empty cache, so every call misses it. The baselines, measured in the same run, are the one-shot
/// <see cref="HMACSHA256.HashData(byte[], byte[])"/> on the same identifiers (with a reused
/// <see cref="IncrementalHash"/> beside it) and BouncyCastle's
/// <c>FpeFf1Engine</c> on the same 16-digit inputs.
/// </summary>
public sealed class OperatorCostScenario : IScenario
{
    private const int ValueCount = 50_000;
    private const int Passes = 4;

    // Tiered JIT promotes hot methods after a delay of about 100 ms, so each timing starts after
    // half a second of untimed calls.
    private static readonly TimeSpan Warmup = TimeSpan.FromMilliseconds(500);

    private static readonly KeyMaterial Key = new("operator-cost", 1, Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    public string Name => "operator-cost";

    public string Description => "pseudonym and token operators on distinct values: microseconds per value, with baselines";

    public int Run(string[] args)
    {
        Random random = new(42);
        string[] identifiers = Generate(_ => "C" + Digits(random, 8));
        string[] emails = Generate(i => $"{Letters(random, 6)}.{Letters(random, 7)}{i}@example.com");
        string[] phones = Generate(_ => $"({random.Next(201, 990)}) {random.Next(200, 1000)}-{Digits(random, 4)}");
        string[] cards = Generate(_ => string.Join(' ', Digits(random, 4), Digits(random, 4), Digits(random, 4), Digits(random, 4)));
        string[] ibans = Generate(_ => "DE" + Digits(random, 2) + " " + string.Join(' ', Digits(random, 4), Digits(random, 4), Digits(random, 4), Digits(random, 4), Digits(random, 2)));
        string[] britishPhones = Generate(_ => $"07{random.Next(100, 1000)} {Digits(random, 6)}");
        RowContext usRow = new() { PhoneRegion = "US" };
        RowContext britishRow = new() { PhoneRegion = "GB" };

        byte[] hmacKey = KeyDerivation.Derive(Key, KeyPurpose.Pseudonym);
        byte[][] identifierBytes = identifiers.Select(Encoding.UTF8.GetBytes).ToArray();
        byte[] hash = new byte[32];
        double oneShot = Time(identifierBytes.Length, () => 0, (_, i) => HMACSHA256.HashData(hmacKey, identifierBytes[i], hash));
        double reusedHmac = Time(
            identifierBytes.Length,
            () => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, hmacKey),
            (hmac, i) =>
            {
                hmac.AppendData(identifierBytes[i]);
                hmac.TryGetHashAndReset(hash, out _);
            });
        double computeHash = Time(identifiers.Length, () => new HmacPseudonymizer(Key), (p, i) => p.ComputeHash(identifiers[i], hash));
        double pseudonymize = Time(identifiers.Length, () => new HmacPseudonymizer(Key), (p, i) => p.Pseudonymize(identifiers[i], 16));

        double identifierOperator = TimeOperator(identifiers, () => Pseudonym(ValueKind.Identifier), usRow);
        double emailOperator = TimeOperator(emails, () => Pseudonym(ValueKind.Email), usRow);
        double phoneOperator = TimeOperator(phones, () => Pseudonym(ValueKind.Phone), usRow);
        double phoneNormalize = Time(phones.Length, () => 0, (_, i) => ValueNormalizer.Normalize(phones[i], ValueKind.Phone, "US"));
        double britishOperator = TimeOperator(britishPhones, () => Pseudonym(ValueKind.Phone), britishRow);
        double britishNormalize = Time(britishPhones.Length, () => 0, (_, i) => ValueNormalizer.Normalize(britishPhones[i], ValueKind.Phone, "GB"));

        double cardOperator = TimeOperator(cards, () => Token(TokenKind.Card, check: null), usRow);
        double cardChecked = TimeOperator(cards, () => Token(TokenKind.Card, check: _ => false), usRow);
        double ibanOperator = TimeOperator(ibans, () => Token(TokenKind.Iban, check: null), usRow);
        double ibanChecked = TimeOperator(ibans, () => Token(TokenKind.Iban, check: _ => false), usRow);

        byte[] ff1Key = KeyDerivation.Derive(Key, KeyPurpose.FormatPreservingToken);
        byte[] tweak = "Card"u8.ToArray();
        byte[][] digitInputs = cards.Select(card => card.Where(char.IsAsciiDigit).Select(c => (byte)(c - '0')).ToArray()).ToArray();
        byte[] buffer = new byte[16];
        double bouncyCastle = Time(
            digitInputs.Length,
            () =>
            {
                FpeFf1Engine engine = new();
                engine.Init(true, new FpeParameters(new KeyParameter(ff1Key), 10, tweak));
                return engine;
            },
            (engine, i) => engine.ProcessBlock(digitInputs[i], 0, 16, buffer, 0));
        double fastFf1 = Time(
            digitInputs.Length,
            () => new FastFf1(ff1Key, 10, tweak),
            (cipher, i) =>
            {
                digitInputs[i].CopyTo(buffer, 0);
                cipher.Encrypt(buffer);
            });

        Console.WriteLine("| Operation, per distinct value | µs | Baseline µs | Ratio |");
        Console.WriteLine("| --- | --- | --- | --- |");
        Row("HMACSHA256.HashData one-shot, 9-character identifier (baseline)", oneShot);
        Row("IncrementalHash HMAC reused, same identifiers", reusedHmac, oneShot);
        Row("HmacPseudonymizer.ComputeHash, same identifiers", computeHash, oneShot);
        Row("HmacPseudonymizer.Pseudonymize, 16 letters", pseudonymize, oneShot);
        Row("PseudonymOperator identifier", identifierOperator);
        Row("PseudonymOperator e-mail", emailOperator);
        Row("PseudonymOperator phone, (212) 555-0147 form, region US", phoneOperator);
        Row("ValueNormalizer alone, same US phones", phoneNormalize);
        Row("PseudonymOperator phone, 07700 900123 form, region GB", britishOperator);
        Row("ValueNormalizer alone, same GB phones (libphonenumber)", britishNormalize);
        Row("TokenOperator card, 16 digits in groups", cardOperator);
        Row("TokenOperator card, with a detectability check", cardChecked);
        Row("TokenOperator IBAN, DE in groups", ibanOperator);
        Row("TokenOperator IBAN, with a detectability check", ibanChecked);
        Row("BouncyCastle FpeFf1Engine, 16 digits (baseline)", bouncyCastle);
        Row("FastFf1, 16 digits", fastFf1, bouncyCastle);
        return 0;
    }

    private static PseudonymOperator Pseudonym(ValueKind kind) =>
        new(new HmacPseudonymizer(Key), kind, PseudonymOperator.DefaultLength, string.Empty);

    private static TokenOperator Token(TokenKind kind, Func<string, bool>? check) =>
        new(new Ff1Tokenizer(Key), new HmacPseudonymizer(Key), kind, preserveIssuerPrefix: false, check);

    private static double TimeOperator(string[] values, Func<ColumnOperator> create, RowContext row) =>
        Time(values.Length, create, (op, i) => op.TryApply(values[i], row, out _));

    // Returns the mean microseconds per call over Passes passes of count calls, each pass on a state
    // made by create (outside the timing), after an untimed warmup.
    private static double Time<TState>(int count, Func<TState> create, Action<TState, int> call)
    {
        Stopwatch warmup = Stopwatch.StartNew();
        while (warmup.Elapsed < Warmup)
        {
            TState state = create();
            for (int i = 0; i < count && warmup.Elapsed < Warmup; i++)
            {
                call(state, i);
            }
        }

        TimeSpan elapsed = TimeSpan.Zero;
        for (int pass = 0; pass < Passes; pass++)
        {
            TState state = create();
            Stopwatch stopwatch = Stopwatch.StartNew();
            for (int i = 0; i < count; i++)
            {
                call(state, i);
            }

            elapsed += stopwatch.Elapsed;
        }

        return elapsed.TotalMicroseconds / (Passes * (double)count);
    }

    private static void Row(string label, double microseconds, double? baseline = null)
    {
        string ratio = baseline is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b / microseconds:F1}x") : "";
        string baselineText = baseline is { } value ? value.ToString("F3", CultureInfo.InvariantCulture) : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {microseconds:F3} | {baselineText} | {ratio} |"));
    }

    // Returns ValueCount distinct values from make, drawing again on a repeat.
    private static string[] Generate(Func<int, string> make)
    {
        HashSet<string> seen = new(StringComparer.Ordinal);
        string[] values = new string[ValueCount];
        for (int i = 0; i < ValueCount; i++)
        {
            string value;
            do
            {
                value = make(i);
            }
            while (!seen.Add(value));
            values[i] = value;
        }

        return values;
    }

    private static string Digits(Random random, int count)
    {
        Span<char> digits = stackalloc char[count];
        for (int i = 0; i < count; i++)
        {
            digits[i] = (char)('0' + random.Next(10));
        }

        return new string(digits);
    }

    private static string Letters(Random random, int count)
    {
        Span<char> letters = stackalloc char[count];
        for (int i = 0; i < count; i++)
        {
            letters[i] = (char)('a' + random.Next(26));
        }

        return new string(letters);
    }
}
