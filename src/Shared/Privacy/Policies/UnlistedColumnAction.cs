namespace SyntheticData.Privacy.Policies;

/// <summary>
/// What the anonymizer does with an input column that the policy does not name.
/// </summary>
public enum UnlistedColumnAction
{
    /// <summary>Rejects the input (fail closed); the default.</summary>
    Fail,

    /// <summary>Removes unlisted columns from the output.</summary>
    Drop,

    /// <summary>Copies unlisted columns unchanged. Use only for inputs whose every column was reviewed.</summary>
    Keep,
}
