using SyntheticData.Privacy.Anonymization;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Cli.Anonymization;

/// <summary>The messages that <c>anonymize</c> and <c>policy check --input</c> share about a policy applied to an extract.</summary>
internal static class PolicyMessages
{
    /// <summary>
    /// Returns the message of a policy error. An error found while applying the policy to the input header names both
    /// the policy file and the input, because either may be the one to fix.
    /// </summary>
    public static string Describe(PolicyException exception, string policyPath, string inputPath) =>
        exception.Source == AnonymizationPlan.HeaderCheckSource
            ? new PolicyException($"{policyPath} (applied to the header of {inputPath})", exception.Errors).Message
            : exception.Message;

    /// <summary>Returns a warning about policy columns the input lacks, or null when it has them all.</summary>
    public static string? MissingColumns(AnonymizationPlan plan, string inputPath)
    {
        ArgumentNullException.ThrowIfNull(plan);

        // Not an error, because one policy may serve extracts with optional columns, but a renamed column shows up here.
        return plan.MissingPolicyColumns.Count == 0
            ? null
            : $"Warning: the policy names columns that {Path.GetFileName(inputPath)} does not have: "
                + string.Join(", ", plan.MissingPolicyColumns.Select(name => $"'{name}'")) + ". Check for renamed columns.";
    }
}
