using System.Diagnostics;

namespace SyntheticData.Cli.Tests.Anonymization;

/// <summary>
/// Runs the built <c>synthdata</c> program as a child process with <c>dotnet</c>, with its own key file
/// through <c>SYNTHDATA_KEY_FILE</c>, and returns the exit code and output.
/// </summary>
internal static class SynthdataProcess
{
    private static readonly string Program = Path.Combine(
        Path.GetDirectoryName(typeof(ExitCodes).Assembly.Location)!, "synthdata.dll");

    public static (int ExitCode, string Output, string Error) Run(string workingFolder, params string[] arguments)
    {
        using Process process = Start(workingFolder, arguments);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("synthdata did not finish within 2 minutes: " + string.Join(' ', arguments));
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Starts the program without waiting for it; the caller reads its redirected output and disposes it.</summary>
    public static Process Start(string workingFolder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Program);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SYNTHDATA_KEY_FILE"] = Path.Combine(workingFolder, "keys.local.json");
        return Process.Start(start)!;
    }
}
