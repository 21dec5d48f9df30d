using SyntheticData.Privacy.Tests.Support;

namespace SyntheticData.Privacy.Tests.Anonymization;

/// <summary>The per-column counts of a run, for kept columns that are copied as raw runs of fields.</summary>
public sealed class ColumnCountTests
{
    [Fact]
    public void KeptRuns_CountMissingAndBlankCells()
    {
        // Columns a to c form one raw run between two pseudonym columns, and e is a run of its own after the second.
        // The rows mix filled, empty, blank, marker and quoted cells.
        string csv =
            "id,a,b,c,mail,e\n" +
            "1,x,y,z,p@example.com,long enough to take the vector path of the test\n" +
            "2,,NULL,z,q@example.com, \n" +
            "3,\"quoted, x\",\\N,\"\",r@example.com,w\n" +
            "4,  ,y,\u00A0,s@example.com,\n" +
            "5,x,y,z,t@example.com,NULLS\n";
        string policy = AnonymizationHarness.Policy(
            "\"id\": {\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"identifier\"}}, " +
            "\"a\": {\"operator\": \"keep\"}, \"b\": {\"operator\": \"keep\"}, \"c\": {\"operator\": \"keep\"}, " +
            "\"mail\": {\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"email\"}}, " +
            "\"e\": {\"operator\": \"keep\"}",
            "\"nullMarkers\": [\"\", \"NULL\", \"\\\\N\"]");

        (_, var summary, _) = AnonymizationHarness.Run(csv, policy);
        var columns = summary.Columns.ToDictionary(pair => pair.Key, pair => pair.Value);

        // Column a has an empty cell (row 2) and a blank one (row 4), and b has NULL and \N. In c a quoted empty cell
        // and a no-break space are both blank. In e a blank and an empty cell are missing, while NULLS is text.
        Assert.Equal(3, columns["a"].Transformed);
        Assert.Equal(2, columns["a"].Missing);
        Assert.Equal(3, columns["b"].Transformed);
        Assert.Equal(2, columns["b"].Missing);
        Assert.Equal(3, columns["c"].Transformed);
        Assert.Equal(2, columns["c"].Missing);
        Assert.Equal(3, columns["e"].Transformed);
        Assert.Equal(2, columns["e"].Missing);
    }
}
