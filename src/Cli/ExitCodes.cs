namespace SyntheticData.Cli;

/// <summary>
/// Process exit codes shared by every command; README.md documents them.
/// </summary>
public static class ExitCodes
{
    /// <summary>The command finished and every check passed.</summary>
    public const int Success = 0;

    /// <summary>An unexpected internal error; the message says where.</summary>
    public const int InternalError = 1;

    /// <summary>Invalid command-line usage: missing or malformed options.</summary>
    public const int Usage = 2;

    /// <summary>The input file is invalid: encoding, quoting, field count or format. The message names file, line and column.</summary>
    public const int InvalidInput = 3;

    /// <summary>The policy is invalid or does not cover the input's columns.</summary>
    public const int InvalidPolicy = 4;

    /// <summary>A verification or quality gate failed: residual PII, k-anonymity, quality or privacy thresholds.</summary>
    public const int GateFailed = 5;

    /// <summary>The run was cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
