using System.Diagnostics;
using Org.BouncyCastle.Crypto.Fpe;
using Org.BouncyCastle.Crypto.Parameters;
using SyntheticData.Privacy.Crypto;

namespace SyntheticData.Benchmarks.Anonymization;

/// <summary>
/// Measures FF1 encryption time per call for 16-digit radix-10 inputs and 10-symbol radix-36 inputs,
/// with BouncyCastle's <c>FpeFf1Engine</c> as the baseline and <see cref="FastFf1"/> in the same run.
/// Both encrypt the same inputs with the same key and tweak, and the outputs are compared.
/// </summary>
public sealed class Ff1Scenario : IScenario
{
    private const int Calls = 100_000;

    // Tiered JIT promotes hot methods after a delay of about 100 ms, so each timing starts after
    // half a second of untimed calls.
    private static readonly TimeSpan Warmup = TimeSpan.FromMilliseconds(500);

    public string Name => "ff1-speed";

    public string Description => "FF1 encryption, BouncyCastle against FastFf1: microseconds per call and ratio";

    public int Run(string[] args)
    {
        byte[] key = Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C");
        byte[] tweak = "card_number"u8.ToArray();

        Console.WriteLine("| Input | Calls | BouncyCastle µs/call | FastFf1 µs/call | Ratio |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        bool same = Measure("16 digits, radix 10", key, tweak, radix: 10, length: 16);
        same &= Measure("10 symbols, radix 36", key, tweak, radix: 36, length: 10);
        if (!same)
        {
            Console.Error.WriteLine("FastFf1 output differs from BouncyCastle output.");
            return 1;
        }

        return 0;
    }

    private static bool Measure(string label, byte[] key, byte[] tweak, int radix, int length)
    {
        byte[][] inputs = CreateInputs(radix, length, count: 1_000);

        FpeFf1Engine engine = new();
        engine.Init(true, new FpeParameters(new KeyParameter(key), radix, tweak));
        using FastFf1 cipher = new(key, radix, tweak);

        byte[] baselineOutput = new byte[length];
        byte[] fastOutput = new byte[length];
        bool same = true;
        foreach (byte[] input in inputs)
        {
            input.CopyTo(baselineOutput, 0);
            engine.ProcessBlock(baselineOutput, 0, length, baselineOutput, 0);
            input.CopyTo(fastOutput, 0);
            cipher.Encrypt(fastOutput);
            same &= baselineOutput.AsSpan().SequenceEqual(fastOutput);
        }

        double baselineMicroseconds = TimeCalls(inputs, length, buffer => engine.ProcessBlock(buffer, 0, length, buffer, 0));
        double fastMicroseconds = TimeCalls(inputs, length, buffer => cipher.Encrypt(buffer));

        Console.WriteLine(
            $"| {label} | {Calls:N0} | {baselineMicroseconds:F3} | {fastMicroseconds:F3} | {baselineMicroseconds / fastMicroseconds:F1}x |");
        return same;
    }

    // Returns the mean microseconds per call over Calls encryptions, after the untimed warmup.
    private static double TimeCalls(byte[][] inputs, int length, Action<byte[]> encrypt)
    {
        byte[] buffer = new byte[length];
        Stopwatch warmup = Stopwatch.StartNew();
        for (int i = 0; warmup.Elapsed < Warmup; i++)
        {
            inputs[i % inputs.Length].CopyTo(buffer, 0);
            encrypt(buffer);
        }

        Stopwatch stopwatch = Stopwatch.StartNew();
        for (int i = 0; i < Calls; i++)
        {
            inputs[i % inputs.Length].CopyTo(buffer, 0);
            encrypt(buffer);
        }

        stopwatch.Stop();
        return stopwatch.Elapsed.TotalMicroseconds / Calls;
    }

    private static byte[][] CreateInputs(int radix, int length, int count)
    {
        Random random = new(42);
        byte[][] inputs = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            inputs[i] = new byte[length];
            for (int j = 0; j < length; j++)
            {
                inputs[i][j] = (byte)random.Next(radix);
            }
        }

        return inputs;
    }
}
