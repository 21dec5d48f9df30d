namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>
/// Receives the findings of a detector's scan. Detectors take the sink as a generic struct argument, so the
/// JIT specialises each scan for its sink and the common clean case allocates nothing.
/// </summary>
internal interface IFindingSink
{
    /// <summary>Records a finding and returns false when the caller needs no further findings, which ends the scan.</summary>
    bool Add(PiiFinding finding);
}
