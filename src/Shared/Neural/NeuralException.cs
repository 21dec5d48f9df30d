namespace SyntheticData.Neural;

/// <summary>The base of the neural engine's domain failures (as opposed to caller mistakes, which raise the standard argument exceptions).</summary>
public class NeuralException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public NeuralException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    public NeuralException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
