namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>Checks a cell that contains more than one bare value, such as two card numbers separated by a semicolon.</summary>
internal static class CellCoverage
{
    /// <summary>
    /// Returns <see cref="ValueCheck.Valid"/> when validated findings of the detector cover every letter and
    /// digit of the cell, <see cref="ValueCheck.FailedCheck"/> when the detector finds anything at all, and
    /// <see cref="ValueCheck.NoMatch"/> otherwise.
    /// </summary>
    public static ValueCheck Check(ReadOnlySpan<char> cell, IDetector detector)
    {
        List<PiiFinding> findings = [];
        detector.Detect(cell, findings);
        if (findings.Count == 0)
        {
            return ValueCheck.NoMatch;
        }

        int position = 0;
        bool allValidated = true;
        foreach (PiiFinding finding in findings.OrderBy(f => f.Start))
        {
            allValidated &= finding.IsValidated;
            if (HasLetterOrDigit(cell[position..Math.Max(position, finding.Start)]))
            {
                return ValueCheck.FailedCheck;
            }

            position = Math.Max(position, finding.End);
        }

        if (!allValidated || HasLetterOrDigit(cell[position..]))
        {
            return ValueCheck.FailedCheck;
        }

        return ValueCheck.Valid;
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
