namespace SyntheticData.Pipeline.Storage;

/// <summary>
/// Thrown when an object that a step needs does not exist.
/// </summary>
public sealed class ObjectNotFoundException : Exception
{
    public ObjectNotFoundException(ObjectReference reference)
        : base($"Object not found: {reference}.")
    {
        Reference = reference;
    }

    /// <summary>The missing object.</summary>
    public ObjectReference Reference { get; }
}
