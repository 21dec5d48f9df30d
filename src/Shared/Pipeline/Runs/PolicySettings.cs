using System.Text.Json;
using SyntheticData.Evaluation;

namespace SyntheticData.Pipeline.Runs;

/// <summary>
/// Reads the pipeline's parts of a dataset policy: the <c>gates</c> object (quality and privacy thresholds)
/// and the <c>synthesis</c> object (synthesizer, rows, seed, holdout share, epochs).
/// </summary>
public static class PolicySettings
{
    /// <summary>
    /// The gates used when a policy sets none: a quality score of at least 0.6 and at most 5% exact copies of
    /// training rows. There is no default DCR gate because DCROverfittingProtection depends on the holdout
    /// share: with a 20% holdout, even rows drawn from the real distribution sit closer to the larger
    /// training part about 80% of the time, which scores 0.4.
    /// </summary>
    public static EvaluationGates DefaultGates { get; } = new()
    {
        MinQualityScore = 0.6,
        MaxExactCopyRate = 0.05,
    };

    /// <summary>Returns the gates of a policy's <c>gates</c> object, or <see cref="DefaultGates"/> when it is absent.</summary>
    /// <exception cref="ArgumentException">A gate is not a number between 0 and 1, or its name is unknown.</exception>
    public static EvaluationGates GatesOf(JsonElement? gates)
    {
        if (gates is not { ValueKind: JsonValueKind.Object } element)
        {
            return DefaultGates;
        }

        var result = new EvaluationGates();
        foreach (JsonProperty property in element.EnumerateObject())
        {
            double value = property.Value.ValueKind == JsonValueKind.Number
                ? property.Value.GetDouble()
                : throw new ArgumentException($"Policy gate '{property.Name}' must be a number.", nameof(gates));
            result = property.Name switch
            {
                "minQualityScore" => result with { MinQualityScore = value },
                "minDcrBaselineProtection" => result with { MinDcrBaselineProtection = value },
                "minDcrOverfittingProtection" => result with { MinDcrOverfittingProtection = value },
                "minNewRowSynthesis" => result with { MinNewRowSynthesis = value },
                "maxExactCopyRate" => result with { MaxExactCopyRate = value },
                _ => throw new ArgumentException(
                    $"Unknown policy gate '{property.Name}'; expected minQualityScore, minDcrBaselineProtection, minDcrOverfittingProtection, minNewRowSynthesis or maxExactCopyRate.",
                    nameof(gates)),
            };
        }

        return result;
    }

    /// <summary>Returns a string setting of the policy's <c>synthesis</c> object, or null.</summary>
    public static string? SynthesisString(JsonElement? synthesis, string name) =>
        synthesis is { ValueKind: JsonValueKind.Object } element && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>Returns a numeric setting of the policy's <c>synthesis</c> object, or null.</summary>
    public static double? SynthesisNumber(JsonElement? synthesis, string name) =>
        synthesis is { ValueKind: JsonValueKind.Object } element && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : null;
}
