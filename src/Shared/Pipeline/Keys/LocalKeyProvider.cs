using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using SyntheticData.Privacy.Crypto;

namespace SyntheticData.Pipeline.Keys;

/// <summary>
/// Keeps pseudonymization keys in a local JSON file, for laptops and tests in place of KMS. The file is
/// created on first use with mode 0600, is marked <c>"localOnly": true</c> with a warning, and contains
/// random 256-bit keys by id and version. Rotation adds a version. A file readable by group or others
/// is rejected, as SSH rejects such private keys.
/// </summary>
public sealed class LocalKeyProvider : IKeyProvider
{
    /// <summary>The warning written into every key file.</summary>
    public const string Warning =
        "Local development key file. Whoever can read it can recompute every pseudonym and token made with it. "
        + "Do not copy it, commit it or use it for production data; the cloud pipeline uses KMS instead.";

    private const int KeyLength = 32;
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // Any access by group or others makes a key file unsafe; the owner's own bits do not matter.
    private const UnixFileMode OthersAccess = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LockRetry = TimeSpan.FromMilliseconds(20);

    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly Action<Span<byte>> _fillRandom;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Action<string>? _notice;

    /// <summary>Creates a provider over the key file at <paramref name="path"/>; the file is created on first use.</summary>
    /// <param name="path">The key file path; its folder is created when missing.</param>
    /// <param name="time">The clock for creation times; the system clock by default.</param>
    /// <param name="fillRandom">Fills new keys; a cryptographic generator by default. Tests may pass a seeded one.</param>
    /// <param name="notice">
    /// Receives one sentence when a key id is created in a file that already contains other keys, because a
    /// mistyped key id would otherwise give unlinkable pseudonyms without a word. It names key ids, never key bytes.
    /// </param>
    public LocalKeyProvider(
        string path,
        TimeProvider? time = null,
        Action<Span<byte>>? fillRandom = null,
        Action<string>? notice = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = Path.GetFullPath(path);
        _time = time ?? TimeProvider.System;
        _fillRandom = fillRandom ?? RandomNumberGenerator.Fill;
        _notice = notice;
    }

    /// <summary>The key file path, absolute.</summary>
    public string FilePath => _path;

    public async Task<KeyMaterial> GetCurrentAsync(string keyId, CancellationToken cancellationToken = default)
    {
        CheckKeyId(keyId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            JsonObject document = Load();
            if (document["keys"]![keyId] is JsonObject existing)
            {
                return Read(keyId, existing, existing["current"]!.GetValue<int>());
            }

            // Another process may create the same key at the same moment: the lock makes one of them create it and the
            // other read it, instead of both writing and one key being lost.
            using FileStream fileLock = await AcquireFileLockAsync(cancellationToken).ConfigureAwait(false);
            document = Load();
            JsonObject keys = document["keys"]!.AsObject();
            if (keys[keyId] is not JsonObject entry)
            {
                string[] others = [.. keys.Select(pair => pair.Key).Order(StringComparer.Ordinal)];
                entry = NewEntry();
                AddVersion(entry);
                keys[keyId] = entry;
                Save(document);
                if (others.Length > 0)
                {
                    _notice?.Invoke(
                        $"Created key '{keyId}' in {_path}, which already contains {string.Join(", ", others.Select(id => $"'{id}'"))}. "
                        + "Pseudonyms and tokens made with the new key do not match earlier ones; if the policy's keyId is mistyped, correct it and delete the new key.");
                }
            }

            return Read(keyId, entry, entry["current"]!.GetValue<int>());
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<KeyMaterial> GetVersionAsync(string keyId, int version, CancellationToken cancellationToken = default)
    {
        CheckKeyId(keyId);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            JsonObject document = Load();
            if (document["keys"]![keyId] is not JsonObject entry)
            {
                throw new KeyStoreException($"Key '{keyId}' does not exist in {_path}.");
            }

            return Read(keyId, entry, version);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<KeyMaterial> RotateAsync(string keyId, CancellationToken cancellationToken = default)
    {
        CheckKeyId(keyId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using FileStream fileLock = await AcquireFileLockAsync(cancellationToken).ConfigureAwait(false);
            JsonObject document = Load();
            JsonObject keys = document["keys"]!.AsObject();
            if (keys[keyId] is not JsonObject entry)
            {
                entry = NewEntry();
                keys[keyId] = entry;
            }

            int version = AddVersion(entry);
            Save(document);
            return Read(keyId, entry, version);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Returns each key's id, current version and number of versions, in id order, without key material.</summary>
    /// <exception cref="KeyStoreException">The key file is unreadable or invalid.</exception>
    public async Task<IReadOnlyList<KeySummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            JsonObject keys = Load()["keys"]!.AsObject();
            return
            [
                .. keys.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new KeySummary(
                    pair.Key,
                    pair.Value!["current"]!.GetValue<int>(),
                    pair.Value["versions"]!.AsArray().Count)),
            ];
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void CheckKeyId(string keyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        if (!keyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new ArgumentException($"Key id '{keyId}' may contain only ASCII letters, digits, '.', '_' and '-'.", nameof(keyId));
        }
    }

    private static JsonObject NewEntry() => new() { ["current"] = 0, ["versions"] = new JsonArray() };

    private int AddVersion(JsonObject entry)
    {
        JsonArray versions = entry["versions"]!.AsArray();
        int version = versions.Count == 0 ? 1 : versions.Max(v => v!["version"]!.GetValue<int>()) + 1;
        Span<byte> key = stackalloc byte[KeyLength];
        _fillRandom(key);
        // The cast picks JsonArray.Add(JsonNode), which needs no reflection, over the generic Add<T>.
        versions.Add((JsonNode)new JsonObject
        {
            ["version"] = version,
            ["created"] = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["material"] = Convert.ToBase64String(key),
        });
        CryptographicOperations.ZeroMemory(key);
        entry["current"] = version;
        return version;
    }

    private KeyMaterial Read(string keyId, JsonObject entry, int version)
    {
        JsonNode? match = entry["versions"]?.AsArray().FirstOrDefault(v => v?["version"]?.GetValue<int>() == version);
        if (match?["material"]?.GetValue<string>() is not { } material)
        {
            throw new KeyStoreException($"Key '{keyId}' has no version {version} in {_path}.");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(material);
        }
        catch (FormatException exception)
        {
            throw new KeyStoreException($"Key '{keyId}' version {version} in {_path} is not valid base64.", exception);
        }

        try
        {
            return new KeyMaterial(keyId, version, bytes);
        }
        catch (ArgumentException exception)
        {
            throw new KeyStoreException($"Key '{keyId}' version {version} in {_path} is shorter than {KeyMaterial.MinimumLength} bytes.", exception);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private JsonObject Load()
    {
        if (Directory.Exists(_path))
        {
            throw new KeyStoreException($"The key file path {_path} is a folder; name a file, such as {Path.Combine(_path, "keys.local.json")}.");
        }

        if (!File.Exists(_path))
        {
            return new JsonObject
            {
                ["localOnly"] = true,
                ["warning"] = Warning,
                ["keys"] = new JsonObject(),
            };
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(_path) & OthersAccess) != 0)
        {
            throw new KeyStoreException(
                $"The key file {_path} can be read or written by other users; run 'chmod 600 {_path}' and try again.");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(_path));
        }
        catch (JsonException exception)
        {
            throw new KeyStoreException($"The key file {_path} is not valid JSON.", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new KeyStoreException($"The key file {_path} cannot be read: {exception.Message}", exception);
        }

        if (node is not JsonObject document || !IsTrue(document["localOnly"]) || document["keys"] is not JsonObject keys)
        {
            throw new KeyStoreException($"The key file {_path} is not a local key file: it must be an object with \"localOnly\": true and \"keys\".");
        }

        foreach ((string keyId, JsonNode? entry) in keys)
        {
            if (Problem(entry) is { } problem)
            {
                throw new KeyStoreException(
                    $"Key '{keyId}' in {_path} is invalid: {problem}. Restore the file from a copy; nothing was changed.");
            }
        }

        return document;
    }

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue(out bool flag) && flag;

    /// <summary>
    /// Returns what is wrong with a key entry, or null when it is an object with a positive integer <c>current</c> and
    /// <c>versions</c> of distinct positive integer versions with string <c>material</c>, one of them the current one.
    /// A malformed entry is never replaced, since its key may still be needed.
    /// </summary>
    private static string? Problem(JsonNode? entry)
    {
        if (entry is not JsonObject fields)
        {
            return "it is not an object with \"current\" and \"versions\"";
        }

        if (!TryGetPositive(fields["current"], out int current))
        {
            return "\"current\" is not a whole number of 1 or more";
        }

        if (fields["versions"] is not JsonArray versions)
        {
            return "\"versions\" is not an array";
        }

        var seen = new HashSet<int>();
        foreach (JsonNode? version in versions)
        {
            if (version is not JsonObject item || !TryGetPositive(item["version"], out int number))
            {
                return "a version is not an object with a whole \"version\" of 1 or more";
            }

            if (!seen.Add(number))
            {
                return $"version {number} appears more than once";
            }

            if (item["material"] is not JsonValue material || !material.TryGetValue(out string? _))
            {
                return $"version {number} has no \"material\" text";
            }
        }

        return seen.Contains(current) ? null : $"\"current\" names version {current}, which \"versions\" does not contain";
    }

    private static bool TryGetPositive(JsonNode? node, out int value)
    {
        value = 0;
        return node is JsonValue json && json.TryGetValue(out value) && value >= 1;
    }

    /// <summary>
    /// Takes an exclusive lock on a file beside the key file, so that processes creating or rotating keys in the same
    /// file take turns. Waits up to ten seconds for another process to finish.
    /// </summary>
    private async Task<FileStream> AcquireFileLockAsync(CancellationToken cancellationToken)
    {
        CreateFolder();
        string lockPath = Path.Combine(Path.GetDirectoryName(_path)!, "." + Path.GetFileName(_path) + ".lock");
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        // Real time, not the provider's clock, which tests may stop.
        long deadline = Environment.TickCount64 + (long)LockWait.TotalMilliseconds;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, options);
            }
            catch (IOException) when (Environment.TickCount64 < deadline)
            {
                await Task.Delay(LockRetry, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new KeyStoreException(
                    $"The key file {_path} is locked by another process (lock file {lockPath}), or the lock cannot be taken: {exception.Message}",
                    exception);
            }
        }
    }

    private void CreateFolder()
    {
        string folder = Path.GetDirectoryName(_path)!;
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
                return;
            }

            // Folders made for the key file are the owner's only too; an existing folder keeps its mode.
            var missing = new Stack<string>();
            for (string? current = folder; current is not null && !Directory.Exists(current); current = Path.GetDirectoryName(current))
            {
                missing.Push(current);
            }

            while (missing.TryPop(out string? create))
            {
                Directory.CreateDirectory(create, OwnerOnly | UnixFileMode.UserExecute);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new KeyStoreException($"The folder of the key file {_path} cannot be created: {exception.Message}", exception);
        }
    }

    private void Save(JsonObject document)
    {
        CreateFolder();
        string folder = Path.GetDirectoryName(_path)!;
        string temporary = Path.Combine(folder, "." + Path.GetFileName(_path) + "." + Path.GetRandomFileName() + ".tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created with owner-only permissions, so the key is never readable by others, not even briefly.
            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                document.WriteTo(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, _path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new KeyStoreException($"The key file {_path} cannot be written: {exception.Message}", exception);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
