namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Reports progress on the calling thread, unlike <see cref="Progress{T}"/>, which posts to the thread
/// pool and can deliver updates after the work has finished.
/// </summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
