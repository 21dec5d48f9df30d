namespace SyntheticData.Tabular;

/// <summary>
/// Base class for failures of the tabular engine that come from the data rather than from the caller.
/// </summary>
public abstract class TabularException : Exception
{
    protected TabularException(string message)
        : base(message)
    {
    }

    protected TabularException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
