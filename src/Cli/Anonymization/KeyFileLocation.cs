namespace SyntheticData.Cli.Anonymization;

/// <summary>Where the local key file lives when <c>--key-file</c> is not given.</summary>
internal static class KeyFileLocation
{
    /// <summary>The environment variable that overrides the default key file path.</summary>
    public const string EnvironmentVariable = "SYNTHDATA_KEY_FILE";

    /// <summary>
    /// Returns <c>$SYNTHDATA_KEY_FILE</c>, else <c>$XDG_CONFIG_HOME/synthdata/keys.local.json</c>, else
    /// <c>~/.config/synthdata/keys.local.json</c>: outside the working folder, so it is not committed by mistake.
    /// </summary>
    public static string Default()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        string config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(config, "synthdata", "keys.local.json");
    }
}
