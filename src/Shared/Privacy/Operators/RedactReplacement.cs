namespace SyntheticData.Privacy.Operators;

/// <summary>What a redact operator writes in place of a span of personal data inside free text.</summary>
public enum RedactReplacement
{
    /// <summary>The kind in brackets, such as <c>[EMAIL]</c>.</summary>
    Kind,

    /// <summary>The keyed pseudonym of the span in brackets, such as <c>[EMAIL:k3x...]</c>, so mentions stay linkable.</summary>
    Pseudonym,
}
