namespace SyntheticData.Synthesis;

/// <summary>
/// The base of the synthesis engines' domain failures: a fit that cannot proceed, an invalid model file.
/// Caller mistakes (null arguments, sampling before fitting) raise the standard exceptions instead.
/// </summary>
public class SynthesisException : Exception
{
    public SynthesisException(string message)
        : base(message)
    {
    }

    public SynthesisException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
