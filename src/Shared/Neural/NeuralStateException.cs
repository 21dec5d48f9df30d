namespace SyntheticData.Neural;

/// <summary>Raised when saved module state cannot be read or does not match the module it is loaded into.</summary>
public sealed class NeuralStateException : NeuralException
{
    /// <summary>Creates the exception with a message.</summary>
    public NeuralStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    public NeuralStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
