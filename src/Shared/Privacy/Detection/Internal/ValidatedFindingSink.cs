namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>Collects validated findings only, and creates its list on the first one, so a clean text allocates nothing.</summary>
internal struct ValidatedFindingSink : IFindingSink
{
    /// <summary>The validated findings, or null when there were none.</summary>
    public List<PiiFinding>? Findings { get; private set; }

    public bool Add(PiiFinding finding)
    {
        if (finding.IsValidated)
        {
            Findings ??= [];
            Findings.Add(finding);
        }

        return true;
    }
}
