using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Tests.Detection;

public sealed class TextFoldingTests
{
    private readonly TextScanner _scanner = new(new DetectionOptions { DefaultRegion = "GB" });

    [Theory]
    [InlineData("paid with \uFF14\uFF15\uFF13\uFF19\uFF11\uFF14\uFF18\uFF18\uFF10\uFF13\uFF14\uFF13\uFF16\uFF14\uFF16\uFF17 today", "\uFF14\uFF15\uFF13\uFF19\uFF11\uFF14\uFF18\uFF18\uFF10\uFF13\uFF14\uFF13\uFF16\uFF14\uFF16\uFF17", PiiKind.CardNumber)]
    [InlineData("card 4539\u00A01488\u00A00343\u00A06467 ok", "4539\u00A01488\u00A00343\u00A06467", PiiKind.CardNumber)]
    [InlineData("mail \uFF4A\uFF41\uFF4E\uFF45\uFF20\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45\uFF0E\uFF43\uFF4F\uFF4D please", "\uFF4A\uFF41\uFF4E\uFF45\uFF20\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45\uFF0E\uFF43\uFF4F\uFF4D", PiiKind.Email)]
    [InlineData("call \u0660\u0667\u0669\u0665\u0660\u0667\u0663\u0664\u0665\u0666\u0667 now", "\u0660\u0667\u0669\u0665\u0660\u0667\u0663\u0664\u0665\u0666\u0667", PiiKind.Phone)]
    [InlineData("SSN 123\u201345\u20136789 on file", "123\u201345\u20136789", PiiKind.Ssn)]
    [InlineData("card 4539\u200B1488\u200B0343\u200B6467 ok", "4539\u200B1488\u200B0343\u200B6467", PiiKind.CardNumber)]
    [InlineData("card 45391488\u00AD03436467 ok", "45391488\u00AD03436467", PiiKind.CardNumber)]
    [InlineData("card 4539\u034F1488\u034F0343\u034F6467 ok", "4539\u034F1488\u034F0343\u034F6467", PiiKind.CardNumber)]
    [InlineData("card 4539\uFE0F1488\uFE0F0343\uFE0F6467 ok", "4539\uFE0F1488\uFE0F0343\uFE0F6467", PiiKind.CardNumber)]
    [InlineData("mail jo\u115Fhn@example.com ok", "jo\u115Fhn@example.com", PiiKind.Email)]
    [InlineData("mail ja\u200Dne@exam\u00ADple.com please", "ja\u200Dne@exam\u00ADple.com", PiiKind.Email)]
    [InlineData("IBAN \u200EDE89\u200B3704\u200B0044\u200B0532\u200B0130\u200B00\u200F ok", "DE89\u200B3704\u200B0044\u200B0532\u200B0130\u200B00", PiiKind.Iban)]
    public void Scan_FoldedForms_FoundAtTheirOffsets(string text, string value, PiiKind kind)
    {
        PiiSpan span = Assert.Single(_scanner.Scan(text, region: null, includeUnvalidated: false));

        Assert.Equal(kind, span.Kind);
        Assert.Equal(value, text.Substring(span.Start, span.Length));
        Assert.True(_scanner.ContainsValidated(text));
        Assert.Contains(kind, _scanner.FindAll(text).Select(f => f.Kind));
    }

    [Fact]
    public void FindValidatedKinds_FoldedCard_Found()
    {
        Span<PiiKind> kinds = stackalloc PiiKind[TextScanner.TextKindCount];

        int count = _scanner.FindValidatedKinds("\uFF14\uFF15\uFF13\uFF19 \uFF11\uFF14\uFF18\uFF18 \uFF10\uFF13\uFF14\uFF13 \uFF16\uFF14\uFF16\uFF17", null, kinds);

        Assert.Equal([PiiKind.CardNumber], kinds[..count].ToArray());
    }

    [Fact]
    public void Scan_InvisibleCharacters_SpansMapBack()
    {
        const string text = "\u200Bcard\u200B 4539\u200B1488 0343 6467 and 4111\u00AD1111\u00AD1111\u00AD1111\uFEFF";

        IReadOnlyList<PiiSpan> spans = _scanner.Scan(text, region: null, includeUnvalidated: true);

        Assert.Equal(["4539\u200B1488 0343 6467", "4111\u00AD1111\u00AD1111\u00AD1111"], spans.Select(span => text.Substring(span.Start, span.Length)));
    }

    [Theory]
    [InlineData("Zo\u00EB M\u00FCller, \u7530\u4E2D")]
    [InlineData("plain text 12")]
    public void NeedsFolding_LettersOfOtherScripts_No(string text) => Assert.False(TextFolding.NeedsFolding(text));

    [Fact]
    public void Classify_FullWidthCardColumn_IsCards()
    {
        string[] cards = ["4539148803436467", "5555555555554444", "4111111111111111", "378282246310005"];
        string[] values = [.. Enumerable.Range(0, 20).Select(i => string.Concat(cards[i % cards.Length].Select(c => (char)(c + 0xFEE0))))];

        ColumnClassification column = new ColumnClassifier().Classify(new ColumnSample("c2", values));

        Assert.Equal(PiiKind.CardNumber, column.Kind);
    }
}
