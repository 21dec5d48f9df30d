using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Operators;
using SyntheticData.Privacy.Tests.Support;

namespace SyntheticData.Privacy.Tests.Operators;

public sealed class TokenOperatorAllocationTests
{
    // Per value over 2,000 entries: the output string, 64 bytes per card and 80 per IBAN as measured, because the
    // cache keeps outputs in a table allocated once. The version that built Lists, LINQ sequences and strings per value
    // allocated 455 and 1,379, and the cache that grew with its entries 329 and 345.
    private const long MaximumBytesPerValue = 120;

    [Theory]
    [InlineData(TokenKind.Card)]
    [InlineData(TokenKind.Iban)]
    public void Token_DistinctValues_AllocateLittle(TokenKind kind)
    {
        string[] values = Enumerable.Range(0, 2_000)
            .Select(i => kind == TokenKind.Iban
                ? $"DE{i % 90 + 10} 3704 0044 {i:D4} 0130 00"
                : $"4{i:D3} 1234 5678 {i:D4}")
            .ToArray();
        var tokenizer = new Ff1Tokenizer(AnonymizationHarness.KeyA);
        var pseudonymizer = new HmacPseudonymizer(AnonymizationHarness.KeyA);
        var row = new RowContext();

        // A first operator compiles the code paths and creates the FF1 engines in the shared tokenizer.
        var warm = new TokenOperator(tokenizer, pseudonymizer, kind, preserveIssuerPrefix: false);
        foreach (string value in values)
        {
            warm.TryApply(value, row, out _);
        }

        // The measured operator first fills its cache table with other values, because the table is allocated once.
        var op = new TokenOperator(tokenizer, pseudonymizer, kind, preserveIssuerPrefix: false);
        foreach (string value in values)
        {
            op.TryApply(value.Replace(' ', '-'), row, out _);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (string value in values)
        {
            op.TryApply(value, row, out _);
        }

        long bytesPerValue = (GC.GetAllocatedBytesForCurrentThread() - before) / values.Length;

        Assert.InRange(bytesPerValue, 0, MaximumBytesPerValue);
    }
}
