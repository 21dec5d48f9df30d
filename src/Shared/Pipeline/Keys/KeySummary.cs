namespace SyntheticData.Pipeline.Keys;

/// <summary>One key of a key file as <c>keys list</c> shows it: never its material.</summary>
/// <param name="KeyId">The id that policies name.</param>
/// <param name="Current">The version that new outputs use.</param>
/// <param name="Versions">How many versions the file keeps.</param>
public sealed record KeySummary(string KeyId, int Current, int Versions);
