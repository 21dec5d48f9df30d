using System.Text;
using SyntheticData.Pipeline.Storage;

namespace SyntheticData.Pipeline.Tests.Storage;

public sealed class LocalObjectStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "objstore-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Put_ThenRead_ReturnsSameBytes()
    {
        var store = new LocalObjectStore(_root);
        var reference = new ObjectReference("landing", "cards/2026/extract.csv");

        ObjectMetadata written = await store.PutAsync(reference, new MemoryStream(Encoding.UTF8.GetBytes("a,b\n1,2\n")));
        await using Stream read = await store.OpenReadAsync(reference);
        using var reader = new StreamReader(read);

        Assert.Equal("a,b\n1,2\n", await reader.ReadToEndAsync());
        Assert.Equal(8, written.Length);
    }

    [Fact]
    public async Task Put_FailingSource_LeavesNoObject()
    {
        var store = new LocalObjectStore(_root);
        var reference = new ObjectReference("anonymized", "run-1/out.csv");

        await Assert.ThrowsAsync<IOException>(() => store.PutAsync(reference, new FailingStream()));

        Assert.Null(await store.GetMetadataAsync(reference));
        Assert.Empty(await ToListAsync(store.ListAsync("anonymized")));
    }

    [Fact]
    public async Task Put_ExistingObject_ReplacesWhole()
    {
        var store = new LocalObjectStore(_root);
        var reference = new ObjectReference("reports", "r.json");
        await store.PutAsync(reference, new MemoryStream(new byte[100]));

        await store.PutAsync(reference, new MemoryStream(new byte[3]));

        Assert.Equal(3, (await store.GetMetadataAsync(reference))!.Length);
    }

    [Fact]
    public async Task OpenRead_Missing_ThrowsObjectNotFound()
    {
        var store = new LocalObjectStore(_root);

        var error = await Assert.ThrowsAsync<ObjectNotFoundException>(() => store.OpenReadAsync(new ObjectReference("landing", "none.csv")));

        Assert.Equal("none.csv", error.Reference.Key);
    }

    [Theory]
    [InlineData("../escape.csv")]
    [InlineData("a/../../escape.csv")]
    [InlineData("/absolute.csv")]
    [InlineData("a//b.csv")]
    [InlineData(".incoming/x")]
    public void GetPath_KeyOutsideBucket_Rejected(string key)
    {
        var store = new LocalObjectStore(_root);

        Assert.Throws<ArgumentException>(() => store.GetPath(new ObjectReference("landing", key)));
    }

    [Fact]
    public async Task List_ReturnsPrefixMatchesInKeyOrder()
    {
        var store = new LocalObjectStore(_root);
        foreach (string key in new[] { "b/2.csv", "a/1.csv", "b/1.csv", "c.csv" })
        {
            await store.PutAsync(new ObjectReference("landing", key), new MemoryStream([1]));
        }

        List<ObjectMetadata> listed = await ToListAsync(store.ListAsync("landing", "b/"));

        Assert.Equal(["b/1.csv", "b/2.csv"], listed.Select(item => item.Reference.Key));
    }

    [Fact]
    public async Task Copy_KeepsSourceAndWritesDestination()
    {
        var store = new LocalObjectStore(_root);
        var source = new ObjectReference("anonymized", "x.csv");
        var destination = new ObjectReference("quarantine", "run/x.csv");
        await store.PutAsync(source, new MemoryStream([7, 8, 9]));

        await store.CopyAsync(source, destination);

        Assert.NotNull(await store.GetMetadataAsync(source));
        Assert.Equal(3, (await store.GetMetadataAsync(destination))!.Length);
    }

    [Fact]
    public async Task Download_WritesLocalFile()
    {
        var store = new LocalObjectStore(_root);
        var reference = new ObjectReference("landing", "x.csv");
        await store.PutAsync(reference, new MemoryStream([1, 2]));
        string local = Path.Combine(_root, "work", "copy.csv");

        await store.DownloadAsync(reference, local);

        Assert.Equal([1, 2], await File.ReadAllBytesAsync(local));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private sealed class FailingStream : Stream
    {
        private int _reads;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_reads++ > 0)
            {
                throw new IOException("Simulated read failure.");
            }

            buffer[offset] = 42;
            return 1;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
