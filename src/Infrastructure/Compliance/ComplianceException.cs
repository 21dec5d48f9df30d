namespace SyntheticData.Infrastructure.Compliance;

/// <summary>Raised when a synthesized app breaks one or more compliance rules.</summary>
public sealed class ComplianceException : Exception
{
    /// <summary>Creates the exception with every violation in its message.</summary>
    public ComplianceException(IReadOnlyList<ComplianceViolation> violations)
        : base(FormatMessage(violations))
    {
        Violations = violations;
    }

    /// <summary>The violations found.</summary>
    public IReadOnlyList<ComplianceViolation> Violations { get; }

    private static string FormatMessage(IReadOnlyList<ComplianceViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        return $"The app breaks {violations.Count} compliance rule check(s):" + System.Environment.NewLine +
            string.Join(System.Environment.NewLine, violations.Select(violation => "  " + violation));
    }
}
