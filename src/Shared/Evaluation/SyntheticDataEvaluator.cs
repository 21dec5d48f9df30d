namespace SyntheticData.Evaluation;

/// <summary>
/// Runs a whole evaluation: the quality report, the privacy metrics, machine-learning efficacy when a holdout and a
/// target are given, and the gates.
/// </summary>
public static class SyntheticDataEvaluator
{
    /// <summary>Evaluates the synthetic rows of <paramref name="input"/> and checks the gates of <paramref name="options"/>.</summary>
    /// <exception cref="EvaluationException">A table does not match the metadata.</exception>
    public static EvaluationResult Evaluate(EvaluationInput input, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= EvaluationOptions.Default;

        QualityReportResult quality = QualityReport.Compute(input.Real, input.Synthetic, input.Metadata, options.Quality);
        PrivacyResult privacy = ComputePrivacy(input, options.Privacy);
        (MachineLearningEfficacyResult? efficacy, string? efficacyNote) = ComputeEfficacy(input, options.MachineLearning);
        IReadOnlyList<GateResult> gates = CheckGates(options.Gates, quality, privacy, input.Holdout is not null);
        return new EvaluationResult(
            quality,
            privacy,
            efficacy,
            efficacyNote,
            gates,
            input.Real.RowCount,
            input.Synthetic.RowCount,
            input.Holdout?.RowCount ?? 0);
    }

    private static PrivacyResult ComputePrivacy(EvaluationInput input, PrivacyOptions options)
    {
        DcrBaselineResult baseline = DCRBaselineProtection.Compute(input.Real, input.Synthetic, input.Metadata, options);
        DcrOverfittingResult? overfitting = input.Holdout is null
            ? null
            : DCROverfittingProtection.Compute(input.Real, input.Synthetic, input.Holdout, input.Metadata, options);
        NewRowSynthesisResult newRows = NewRowSynthesis.Compute(input.Real, input.Synthetic, input.Metadata, options);
        int[] copies = ExactCopies.Find(input.Real, input.Synthetic, input.Metadata);
        double copyRate = input.Synthetic.RowCount == 0 ? 0 : (double)copies.Length / input.Synthetic.RowCount;
        return new PrivacyResult(baseline, overfitting, newRows, copies, copyRate);
    }

    private static (MachineLearningEfficacyResult? Result, string? Note) ComputeEfficacy(EvaluationInput input, MachineLearningEfficacyOptions options)
    {
        if (input.TargetColumn is null)
        {
            return (null, "no target column given");
        }

        if (input.Holdout is null)
        {
            return (null, "no holdout given");
        }

        try
        {
            return (MachineLearningEfficacy.Compute(input.Real, input.Synthetic, input.Holdout, input.Metadata, input.TargetColumn, options), null);
        }
        catch (EvaluationException exception)
        {
            return (null, exception.Message);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            // ML.NET rejects data it cannot score, such as a holdout without a row of the positive class, which a
            // rare fraud label in a small split can produce. The efficacy is then reported as not computed.
            return (null, $"machine-learning efficacy not computed: {exception.Message}");
        }
    }

    private static List<GateResult> CheckGates(EvaluationGates gates, QualityReportResult quality, PrivacyResult privacy, bool hasHoldout)
    {
        var results = new List<GateResult>();
        AddMinimum(results, "Quality score (strong pairs only)", gates.MinQualityScore, quality.StrongPairsOnly.Overall, null, isPrivacy: false);
        AddMinimum(results, "DCRBaselineProtection", gates.MinDcrBaselineProtection, privacy.Baseline.Score, null, isPrivacy: true);
        AddMinimum(
            results,
            "DCROverfittingProtection",
            gates.MinDcrOverfittingProtection,
            privacy.Overfitting?.Score ?? double.NaN,
            hasHoldout ? null : "not computed: no holdout given",
            isPrivacy: true);
        AddMinimum(results, "NewRowSynthesis", gates.MinNewRowSynthesis, privacy.NewRows.Score, null, isPrivacy: true);
        if (gates.MaxExactCopyRate is { } maximum)
        {
            results.Add(new GateResult("Exact copy rate", "<=", maximum, privacy.ExactCopyRate, privacy.ExactCopyRate <= maximum, null) { IsPrivacy = true });
        }

        return results;
    }

    private static void AddMinimum(List<GateResult> results, string name, double? minimum, double actual, string? note, bool isPrivacy)
    {
        if (minimum is null)
        {
            return;
        }

        // NaN >= x is false, so a metric that could not be computed fails its gate.
        note ??= double.IsNaN(actual) ? "not computed" : null;
        results.Add(new GateResult(name, ">=", minimum.Value, actual, actual >= minimum.Value, note) { IsPrivacy = isPrivacy });
    }
}
