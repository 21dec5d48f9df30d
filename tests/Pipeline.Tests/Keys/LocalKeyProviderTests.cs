using System.Text.Json.Nodes;
using SyntheticData.Pipeline.Keys;
using SyntheticData.Privacy.Crypto;

namespace SyntheticData.Pipeline.Tests.Keys;

// The key file's permission checks exist only on Unix; the project builds and tests on Linux.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LocalKeyProviderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "key-tests-" + Guid.NewGuid().ToString("N"));

    private string KeyFile => Path.Combine(_folder, "nested", "keys.local.json");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task GetCurrent_FirstUse_CreatesOwnerOnlyFile()
    {
        var provider = new LocalKeyProvider(KeyFile);

        KeyMaterial key = await provider.GetCurrentAsync("default");

        Assert.Equal("default", key.KeyId);
        Assert.Equal(1, key.Version);
        Assert.Equal(32, key.Bytes.Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        JsonNode document = JsonNode.Parse(File.ReadAllText(KeyFile))!;
        Assert.True(document["localOnly"]!.GetValue<bool>());
        Assert.Equal(LocalKeyProvider.Warning, document["warning"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetCurrent_AnotherInstance_ReturnsSameKey()
    {
        KeyMaterial first = await new LocalKeyProvider(KeyFile).GetCurrentAsync("cards");
        KeyMaterial second = await new LocalKeyProvider(KeyFile).GetCurrentAsync("cards");
        KeyMaterial other = await new LocalKeyProvider(KeyFile).GetCurrentAsync("customers");

        Assert.Equal(first, second);
        Assert.False(first.Bytes.SequenceEqual(other.Bytes));
    }

    [Fact]
    public async Task NewKeyBesideOthers_IsAnnounced()
    {
        var notices = new List<string>();
        var provider = new LocalKeyProvider(KeyFile, notice: notices.Add);
        await provider.GetCurrentAsync("default");
        await provider.GetCurrentAsync("default");
        Assert.Empty(notices);

        await provider.GetCurrentAsync("defualt");

        string notice = Assert.Single(notices);
        Assert.Contains("'defualt'", notice, StringComparison.Ordinal);
        Assert.Contains("'default'", notice, StringComparison.Ordinal);
        Assert.Contains("keyId", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotate_AddsVersionAndKeepsOldOne()
    {
        var provider = new LocalKeyProvider(KeyFile);
        KeyMaterial original = await provider.GetCurrentAsync("default");

        KeyMaterial rotated = await provider.RotateAsync("default");

        Assert.Equal(2, rotated.Version);
        Assert.False(original.Bytes.SequenceEqual(rotated.Bytes));
        Assert.Equal(rotated, await provider.GetCurrentAsync("default"));
        Assert.Equal(original, await provider.GetVersionAsync("default", 1));
    }

    [Fact]
    public async Task GetVersion_Unknown_Throws()
    {
        var provider = new LocalKeyProvider(KeyFile);
        await provider.GetCurrentAsync("default");

        KeyStoreException missingVersion = await Assert.ThrowsAsync<KeyStoreException>(() => provider.GetVersionAsync("default", 7));
        await Assert.ThrowsAsync<KeyStoreException>(() => provider.GetVersionAsync("nope", 1));

        Assert.Contains("no version 7", missingVersion.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_FileReadableByOthers_IsRejected()
    {
        var provider = new LocalKeyProvider(KeyFile);
        await provider.GetCurrentAsync("default");
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        KeyStoreException exception = await Assert.ThrowsAsync<KeyStoreException>(() => provider.GetCurrentAsync("default"));

        Assert.Contains("chmod 600", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_OwnerExecuteBit_IsAccepted()
    {
        var provider = new LocalKeyProvider(KeyFile);
        KeyMaterial created = await provider.GetCurrentAsync("default");
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.Equal(created, await provider.GetCurrentAsync("default"));
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("null")]
    [InlineData("{\"current\": \"1\", \"versions\": []}")]
    [InlineData("{\"current\": 1, \"versions\": {}}")]
    [InlineData("{\"current\": 1, \"versions\": [{\"version\": \"1\", \"material\": \"AAAA\"}]}")]
    [InlineData("{\"current\": 1, \"versions\": [{\"version\": 1, \"material\": 5}]}")]
    [InlineData("{\"current\": 2, \"versions\": [{\"version\": 1, \"material\": \"AAAA\"}]}")]
    [InlineData("{\"current\": 1, \"versions\": [{\"version\": 1, \"material\": \"AAAA\"}, {\"version\": 1, \"material\": \"BBBB\"}]}")]
    [InlineData("{\"current\": 99999999999, \"versions\": []}")]
    public async Task Load_MalformedEntry_IsRejectedAndKept(string entry)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        string text = $"{{\"localOnly\": true, \"keys\": {{\"default\": {entry}}}}}";
        File.WriteAllText(KeyFile, text);
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var provider = new LocalKeyProvider(KeyFile);

        KeyStoreException current = await Assert.ThrowsAsync<KeyStoreException>(() => provider.GetCurrentAsync("default"));
        await Assert.ThrowsAsync<KeyStoreException>(() => provider.RotateAsync("default"));
        await Assert.ThrowsAsync<KeyStoreException>(() => provider.ListAsync());

        Assert.Contains("Key 'default'", current.Message, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(KeyFile));
    }

    [Fact]
    public async Task GetCurrent_ManyInstances_OneKey()
    {
        // Each instance has its own in-process gate, as separate processes do, so only the file lock keeps them apart.
        KeyMaterial[] keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => new LocalKeyProvider(KeyFile).GetCurrentAsync("default"))));

        Assert.All(keys, key => Assert.Equal(keys[0], key));
        Assert.Equal(1, (await new LocalKeyProvider(KeyFile).ListAsync()).Single().Versions);
    }

    [Fact]
    public async Task Rotate_ManyInstances_EveryVersion()
    {
        await new LocalKeyProvider(KeyFile).GetCurrentAsync("default");

        KeyMaterial[] rotated = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => new LocalKeyProvider(KeyFile).RotateAsync("default"))));

        Assert.Equal(Enumerable.Range(2, 8), rotated.Select(key => key.Version).Order());
        Assert.Equal(9, (await new LocalKeyProvider(KeyFile).ListAsync()).Single().Versions);
    }

    [Fact]
    public async Task Rotate_WhileLockHeld_Waits()
    {
        var provider = new LocalKeyProvider(KeyFile);
        await provider.GetCurrentAsync("default");
        string lockPath = Path.Combine(Path.GetDirectoryName(KeyFile)!, ".keys.local.json.lock");
        Task<KeyMaterial> rotation;
        using (new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            rotation = provider.RotateAsync("default");
            await Task.Delay(300);
            Assert.False(rotation.IsCompleted);
        }

        Assert.Equal(2, (await rotation).Version);
    }

    [Fact]
    public async Task Load_NotALocalKeyFile_IsRejected()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        File.WriteAllText(KeyFile, "{\"keys\": {}}");
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        await Assert.ThrowsAsync<KeyStoreException>(() => new LocalKeyProvider(KeyFile).GetCurrentAsync("default"));
    }

    [Fact]
    public async Task SeededRandom_GivesReproducibleKeys()
    {
        static void Fill(Span<byte> bytes)
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)(i * 7);
            }
        }

        KeyMaterial key = await new LocalKeyProvider(KeyFile, fillRandom: Fill).GetCurrentAsync("default");

        Assert.Equal(14, key.Bytes[2]);
    }

    [Fact]
    public async Task KeyMaterial_ToString_HidesBytes()
    {
        KeyMaterial key = await new LocalKeyProvider(KeyFile).GetCurrentAsync("default");

        Assert.Equal("default v1", key.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape")]
    [InlineData("a key")]
    public async Task KeyId_Invalid_IsRejected(string keyId)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => new LocalKeyProvider(KeyFile).GetCurrentAsync(keyId));
    }

    [Fact]
    public async Task List_ShowsVersionsWithoutMaterial()
    {
        var provider = new LocalKeyProvider(KeyFile);
        Assert.Empty(await provider.ListAsync());
        await provider.GetCurrentAsync("default");
        await provider.RotateAsync("default");
        await provider.GetCurrentAsync("archive");

        IReadOnlyList<KeySummary> keys = await provider.ListAsync();

        Assert.Equal([new KeySummary("archive", 1, 1), new KeySummary("default", 2, 2)], keys);
    }

    [Fact]
    public async Task FolderAsKeyFile_IsRejected()
    {
        Directory.CreateDirectory(KeyFile);

        KeyStoreException error = await Assert.ThrowsAsync<KeyStoreException>(() => new LocalKeyProvider(KeyFile).GetCurrentAsync("default"));

        Assert.Contains("is a folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatedFolders_AreOwnerOnly()
    {
        await new LocalKeyProvider(KeyFile).GetCurrentAsync("default");

        const UnixFileMode GroupOrOther = (UnixFileMode)0b000_111_111;
        Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(_folder) & GroupOrOther);
        Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(Path.GetDirectoryName(KeyFile)!) & GroupOrOther);
    }
}
