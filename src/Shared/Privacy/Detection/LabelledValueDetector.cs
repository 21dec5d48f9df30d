using SyntheticData.Privacy.Detection.Internal;

namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Base of the detectors that find a value in free text only after a label that names it, such as <c>DOB</c> before a
/// date or <c>CVV</c> before three digits. A derived detector reads the value where the label's gap ends.
/// </summary>
public abstract class LabelledValueDetector : IDetector
{
    private readonly TextLabels _labels;

    private protected LabelledValueDetector(TextLabels labels)
    {
        _labels = labels;
    }

    /// <inheritdoc />
    public abstract PiiKind Kind { get; }

    /// <inheritdoc />
    public void Detect(ReadOnlySpan<char> text, List<PiiFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        FindingListSink sink = new(findings);
        Find(text, ref sink);
    }

    /// <inheritdoc />
    /// <remarks>The label is text beside the value, so a cell with both is a mention rather than a value of the kind.</remarks>
    public ValueCheck Validate(ReadOnlySpan<char> cell) => CellCoverage.Check(cell.Trim(), this);

    /// <summary>Reports the matches in <paramref name="text"/> to <paramref name="sink"/> and returns false when the sink stopped the scan.</summary>
    internal bool Find<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IFindingSink
    {
        int position = 0;
        int start;
        while ((start = _labels.FindNext(text, ref position, out string label)) >= 0)
        {
            // When no value reads after the longest label, a shorter one at the same place may have one.
            int labelStart = position - 1;
            while (start >= 0)
            {
                if (TryReadValue(text, start, label, out int end, out bool valid))
                {
                    if (!sink.Add(new PiiFinding(Kind, start, end - start, valid)))
                    {
                        return false;
                    }

                    position = end;
                    break;
                }

                start = _labels.ValueStartAfter(text, labelStart, label.Length, out label);
            }
        }

        return true;
    }

    /// <summary>
    /// Reads the value that starts at <paramref name="start"/>, after <paramref name="label"/>; returns false when none
    /// is there. <paramref name="valid"/> is false for a value of the right shape that fails its check.
    /// </summary>
    private protected abstract bool TryReadValue(ReadOnlySpan<char> text, int start, string label, out int end, out bool valid);
}
