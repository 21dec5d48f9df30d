namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>Stops a scan at its first validated finding; look-alikes that failed validation are passed over.</summary>
internal struct FirstValidatedSink : IFindingSink
{
    /// <summary>True once a validated finding was added.</summary>
    public bool Found { get; private set; }

    public bool Add(PiiFinding finding)
    {
        Found |= finding.IsValidated;
        return !Found;
    }
}
