namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Finds and validates one kind of personal data.
/// </summary>
public interface IDetector
{
    /// <summary>The kind this detector reports.</summary>
    PiiKind Kind { get; }

    /// <summary>
    /// Appends every match in <paramref name="text"/> to <paramref name="findings"/>, validated or not.
    /// Runs in time linear in the text length and never stops early on a long text.
    /// </summary>
    void Detect(ReadOnlySpan<char> text, List<PiiFinding> findings);

    /// <summary>Checks a whole cell: the trimmed value must be one match of this kind (or a list of them).</summary>
    ValueCheck Validate(ReadOnlySpan<char> cell);
}
