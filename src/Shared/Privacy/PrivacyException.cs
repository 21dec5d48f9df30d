namespace SyntheticData.Privacy;

/// <summary>
/// Base type of the privacy engine's domain failures: an invalid policy, a column the policy does not cover,
/// or a residual finding after anonymization. Messages never contain cell values or key material.
/// </summary>
public class PrivacyException : Exception
{
    public PrivacyException()
    {
    }

    public PrivacyException(string message)
        : base(message)
    {
    }

    public PrivacyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
