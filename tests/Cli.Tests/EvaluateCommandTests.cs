using System.Diagnostics;
using System.Text.Json;
using SyntheticData.Testing;

namespace SyntheticData.Cli.Tests;

/// <summary>
/// Runs <c>synthdata evaluate</c> as a separate process on the SDMetrics golden files and checks its exit codes,
/// output and reports.
/// </summary>
public sealed class EvaluateCommandTests
{
    [Fact]
    public void Evaluate_WithMetadataMatchesGolden()
    {
        string folder = RepositoryPaths.Shared("golden", "sdmetrics", "small-mixed");
        string output = NewOutputFolder();

        (int exitCode, string stdout, string stderr) = RunCli(
            "evaluate", Path.Combine(folder, "real.csv"), Path.Combine(folder, "synthetic.csv"),
            "--holdout", Path.Combine(folder, "holdout.csv"), "--metadata", Path.Combine(folder, "metadata.json"),
            "--out", output, "--min-quality", "0.6");

        Assert.True(exitCode == 0, $"exit code {exitCode}: {stderr}");
        Assert.Contains("Quality, strong pairs only", stdout, StringComparison.Ordinal);
        Assert.Contains("Gate Quality score (strong pairs only) >= 0.6: 0.6666 PASS", stdout, StringComparison.Ordinal);
        Assert.Contains("ML efficacy not computed: no target column given", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "evaluation-report.html")));

        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "evaluation-report.json")));
        JsonElement quality = report.RootElement.GetProperty("quality");
        Assert.Equal(0.6666028713768084, quality.GetProperty("strongPairsOnly").GetProperty("overall").GetDouble(), 9);
        Assert.Equal(0.5, report.RootElement.GetProperty("privacy").GetProperty("overfitting").GetProperty("score").GetDouble(), 9);
        Assert.Equal(0.75, report.RootElement.GetProperty("privacy").GetProperty("newRows").GetProperty("score").GetDouble(), 9);
    }

    [Fact]
    public void Evaluate_DetectedTypesMatchGolden()
    {
        string folder = RepositoryPaths.Shared("golden", "sdmetrics", "adult-sample");
        string output = NewOutputFolder();

        (int exitCode, string stdout, string stderr) = RunCli(
            "evaluate", Path.Combine(folder, "real.csv"), Path.Combine(folder, "synthetic.csv"),
            "--holdout", Path.Combine(folder, "holdout.csv"), "--target", "income", "--out", output);

        Assert.True(exitCode == 0, $"exit code {exitCode}: {stderr}");
        Assert.Contains("ML efficacy (income, F1): trained on synthetic", stdout, StringComparison.Ordinal);
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "evaluation-report.json")));
        JsonElement quality = report.RootElement.GetProperty("quality");
        Assert.Equal(0.7096666667523834, quality.GetProperty("strongPairsOnly").GetProperty("overall").GetDouble(), 9);
        Assert.Equal(0.7467899204656578, quality.GetProperty("allPairs").GetProperty("overall").GetDouble(), 9);
        Assert.Equal("F1", report.RootElement.GetProperty("machineLearning").GetProperty("metric").GetString());
    }

    [Fact]
    public void Evaluate_FailedGateExitsFive()
    {
        string folder = RepositoryPaths.Shared("golden", "sdmetrics", "small-mixed");

        (int exitCode, string stdout, _) = RunCli(
            "evaluate", Path.Combine(folder, "real.csv"), Path.Combine(folder, "synthetic.csv"),
            "--metadata", Path.Combine(folder, "metadata.json"), "--out", NewOutputFolder(), "--max-exact-copies", "0");

        Assert.Equal(5, exitCode);
        Assert.Contains("Gate Exact copy rate <= 0: 0.1667 FAIL", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MissingFileIsUsageError()
    {
        (int exitCode, _, string stderr) = RunCli("evaluate", "/nonexistent/real.csv", "/nonexistent/synthetic.csv", "--out", NewOutputFolder());

        Assert.Equal(2, exitCode);
        Assert.Contains("/nonexistent/real.csv was not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MalformedCsvNamesLineNotValue()
    {
        string folder = NewOutputFolder();
        string real = Path.Combine(folder, "real.csv");
        string synthetic = Path.Combine(folder, "synthetic.csv");
        File.WriteAllText(real, "age,city\n34,Leeds\n41,York\n29,Leeds\n");
        File.WriteAllText(synthetic, "age,city\n33,Leeds\n40,York,secret-extra\n");

        (int exitCode, _, string stderr) = RunCli("evaluate", real, synthetic, "--out", Path.Combine(folder, "out"));

        Assert.Equal(3, exitCode);
        Assert.Contains("line 3", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-extra", stderr, StringComparison.Ordinal);
    }

    private static string NewOutputFolder()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "evaluate-runs", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static (int ExitCode, string Stdout, string Stderr) RunCli(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "synthdata.dll"));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"synthdata {string.Join(' ', arguments)} did not finish within 3 minutes.");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
