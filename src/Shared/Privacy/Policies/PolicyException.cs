namespace SyntheticData.Privacy.Policies;

/// <summary>
/// Raised when a dataset policy is invalid or does not cover an input's columns; lists every problem found.
/// </summary>
public sealed class PolicyException : PrivacyException
{
    public PolicyException()
        : this("(unknown)", ["the policy is invalid"])
    {
    }

    public PolicyException(string message)
        : this("(unknown)", [message])
    {
    }

    public PolicyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Source = "(unknown)";
        Errors = [message];
    }

    public PolicyException(string source, IReadOnlyList<string> errors)
        : base(FormatMessage(source, errors))
    {
        Source = source;
        Errors = errors;
    }

    /// <summary>The policy file name, or a description of where the policy came from.</summary>
    public new string Source { get; }

    /// <summary>Every problem found, one sentence each.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string FormatMessage(string source, IReadOnlyList<string> errors) =>
        errors.Count == 1
            ? $"Invalid policy {source}: {errors[0]}"
            : $"Invalid policy {source} ({errors.Count} problems):{Environment.NewLine}  - "
              + string.Join(Environment.NewLine + "  - ", errors);
}
