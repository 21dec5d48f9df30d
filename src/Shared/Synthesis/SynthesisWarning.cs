namespace SyntheticData.Synthesis;

/// <summary>
/// A problem that fitting worked around, such as a column left out of the model; it names the column and
/// never a cell value.
/// </summary>
/// <param name="Column">The column concerned.</param>
/// <param name="Message">What happened and what the output will contain for that column.</param>
public sealed record SynthesisWarning(string Column, string Message);
