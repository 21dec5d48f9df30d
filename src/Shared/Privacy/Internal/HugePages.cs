using System.Runtime.InteropServices;

namespace SyntheticData.Privacy.Internal;

/// <summary>
/// Requests for transparent huge pages (<c>madvise(MADV_HUGEPAGE)</c>), which Linux gives only on request when its
/// setting is <c>madvise</c>. Lookups spread over a table of tens of megabytes then miss the processor's address
/// translation cache far less often. Does nothing on other systems, or where the call fails.
/// </summary>
internal static unsafe class HugePages
{
    /// <summary>The size of an x86-64 huge page. Only whole pages inside the range are advised.</summary>
    public const int PageBytes = 2 << 20;

    private const int AdviseHugePage = 14;

    private static readonly delegate* unmanaged<void*, nuint, int, int> Advise = Load();

    /// <summary>Requests huge pages for the whole pages inside the <paramref name="length"/> bytes from <paramref name="start"/>.</summary>
    public static void Request(void* start, long length)
    {
        if (Advise == null)
        {
            return;
        }

        ulong first = ((ulong)start + PageBytes - 1) & ~(ulong)(PageBytes - 1);
        ulong end = ((ulong)start + (ulong)length) & ~(ulong)(PageBytes - 1);
        if (end > first)
        {
            // A failure leaves the table on small pages, which only costs speed.
            _ = Advise((void*)first, (nuint)(end - first), AdviseHugePage);
        }
    }

    private static delegate* unmanaged<void*, nuint, int, int> Load()
    {
        if (!OperatingSystem.IsLinux()
            || !RuntimeInformation.ProcessArchitecture.Equals(Architecture.X64)
            || !NativeLibrary.TryLoad("libc.so.6", out IntPtr libc)
            || !NativeLibrary.TryGetExport(libc, "madvise", out IntPtr madvise))
        {
            return null;
        }

        return (delegate* unmanaged<void*, nuint, int, int>)madvise;
    }
}
