using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SyntheticData.Privacy.Internal;

/// <summary>Allocates arrays whose slots can start on the processor's 64-byte cache lines.</summary>
internal static class CacheLines
{
    /// <summary>The cache line size of x86-64 and of most ARM64 processors.</summary>
    public const int LineBytes = 64;

    /// <summary>
    /// Allocates <paramref name="length"/> elements on the pinned heap, where the array never moves, plus one line of
    /// spare room, and returns in <paramref name="origin"/> the first index that starts a cache line.
    /// </summary>
    public static T[] AllocateAligned<T>(int length, out int origin)
        where T : unmanaged
    {
        int elementBytes = Unsafe.SizeOf<T>();
        T[] array = GC.AllocateArray<T>(length + (LineBytes / elementBytes), pinned: true);
        GCHandle handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            int misalignment = (int)(handle.AddrOfPinnedObject() % LineBytes);
            origin = misalignment == 0 ? 0 : (LineBytes - misalignment) / elementBytes;
        }
        finally
        {
            handle.Free();
        }

        return array;
    }
}
