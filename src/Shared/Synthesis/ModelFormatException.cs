namespace SyntheticData.Synthesis;

/// <summary>
/// A model file is invalid: wrong magic bytes, an unsupported format version, a checksum mismatch, or a
/// payload that its synthesizer cannot read.
/// </summary>
public sealed class ModelFormatException : SynthesisException
{
    public ModelFormatException(string message)
        : base(message)
    {
    }

    public ModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
