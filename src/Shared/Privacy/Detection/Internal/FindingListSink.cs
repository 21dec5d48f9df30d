namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>Appends every finding, validated or not, to a caller's list and never stops a scan.</summary>
internal readonly struct FindingListSink(List<PiiFinding> findings) : IFindingSink
{
    public bool Add(PiiFinding finding)
    {
        findings.Add(finding);
        return true;
    }
}
