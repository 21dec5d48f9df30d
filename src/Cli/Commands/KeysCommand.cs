using System.CommandLine;
using SyntheticData.Cli.Anonymization;
using SyntheticData.Pipeline.Keys;

namespace SyntheticData.Cli.Commands;

/// <summary>Builds the <c>keys</c> command and its subcommands <c>list</c> and <c>rotate</c>, for the local key file.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "List and rotate the keys of the local key file. Key material is never shown.");
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateRotate());
        return command;
    }

    private static Option<FileInfo?> KeyFileOption() => new("--key-file")
    {
        Description = $"The local key file; default ${KeyFileLocation.EnvironmentVariable} or ~/.config/synthdata/keys.local.json.",
    };

    private static Command CreateList()
    {
        Option<FileInfo?> keyFile = KeyFileOption();
        var command = new Command("list", "Show each key's id, current version and number of versions.") { keyFile };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string path = parseResult.GetValue(keyFile)?.FullName ?? KeyFileLocation.Default();
            try
            {
                IReadOnlyList<KeySummary> keys = await new LocalKeyProvider(path).ListAsync(cancellationToken);
                if (keys.Count == 0)
                {
                    Console.WriteLine($"{path} contains no key yet; anonymize creates one on first use.");
                    return ExitCodes.Success;
                }

                foreach (KeySummary key in keys)
                {
                    Console.WriteLine($"{key.KeyId}: version {key.Current} current, {key.Versions} version{(key.Versions == 1 ? string.Empty : "s")} kept");
                }

                return ExitCodes.Success;
            }
            catch (KeyStoreException exception)
            {
                Console.Error.WriteLine(exception.Message);
                return ExitCodes.InvalidPolicy;
            }
        });
        return command;
    }

    private static Command CreateRotate()
    {
        Option<FileInfo?> keyFile = KeyFileOption();
        var keyId = new Option<string>("--key-id") { Description = "The key to rotate, as policies name it.", DefaultValueFactory = _ => "default" };
        var command = new Command(
            "rotate",
            "Add a new version of a key and make it current. Outputs made afterwards get other pseudonyms and tokens; earlier versions stay in the file for --key-version.")
        {
            keyFile,
            keyId,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string path = parseResult.GetValue(keyFile)?.FullName ?? KeyFileLocation.Default();
            string id = parseResult.GetValue(keyId)!;
            try
            {
                var provider = new LocalKeyProvider(path, notice: Console.Error.WriteLine);

                // A mistyped id would otherwise start a new key silently, and later outputs would not join earlier ones.
                IReadOnlyList<KeySummary> existing = await provider.ListAsync(cancellationToken);
                if (existing.Count > 0 && !existing.Any(key => key.KeyId == id))
                {
                    Console.Error.WriteLine(
                        $"Key '{id}' is not in {path}, which contains {string.Join(", ", existing.Select(key => $"'{key.KeyId}'"))}. Check --key-id; anonymize creates a new key when a policy names one.");
                    return ExitCodes.InvalidPolicy;
                }

                Privacy.Crypto.KeyMaterial rotated = await provider.RotateAsync(id, cancellationToken);
                Console.WriteLine(rotated.Version == 1
                    ? $"Created key '{rotated.KeyId}' at version 1 in {path}."
                    : $"Key '{rotated.KeyId}' is now at version {rotated.Version} in {path}. Pseudonyms and tokens made from now on differ from those of earlier versions.");
                return ExitCodes.Success;
            }
            catch (ArgumentException exception)
            {
                Console.Error.WriteLine($"--key-id: {exception.Message}");
                return ExitCodes.Usage;
            }
            catch (KeyStoreException exception)
            {
                Console.Error.WriteLine(exception.Message);
                return ExitCodes.InvalidPolicy;
            }
        });
        return command;
    }
}
