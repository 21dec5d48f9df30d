namespace SyntheticData.Evaluation;

/// <summary>
/// Raised when a metric has no defined value for its input, such as a column with no non-null values or a constant
/// column in a correlation. Reports record the pair or column as NaN with this message.
/// </summary>
public sealed class IncomputableMetricException : EvaluationException
{
    public IncomputableMetricException(string message)
        : base(message)
    {
    }
}
