using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Tests.Policies;

public sealed class PolicyDrafterTests
{
    [Theory]
    [InlineData("customer_id", 9_100, true)]
    [InlineData("customer_id", 9_950, false)]
    [InlineData("customer_id", 10_000, false)]
    [InlineData("transaction_id", 9_100, false)]
    public void EntityCandidate_NeedsPersonHeaderAndRepeats(string header, int distinct, bool proposed)
    {
        // 10,000 sampled rows, as a sample of a large extract with four rows per customer gives about 9,100 distinct ids.
        string?[] values = Enumerable.Range(0, 10_000).Select(row => "C" + (row % distinct)).ToArray();
        ColumnClassification classification = new()
        {
            Header = header,
            Kind = PiiKind.Identifier,
            Confidence = 0.9,
            ValidatedShare = 1,
            SampleCount = values.Length,
            Reason = "test",
        };

        string? proposal = PolicyDrafter.DescribeEntityCandidate([classification], [new ColumnSample(header, values)]);

        Assert.Equal(proposed, proposal is not null);
    }
}
