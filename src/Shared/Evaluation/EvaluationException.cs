namespace SyntheticData.Evaluation;

/// <summary>
/// The base of the evaluation engine's domain failures: data that a metric cannot score, or inputs that do not match the metadata.
/// </summary>
public class EvaluationException : Exception
{
    public EvaluationException(string message)
        : base(message)
    {
    }

    public EvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
