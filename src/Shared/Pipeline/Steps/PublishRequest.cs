namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Input of <see cref="PublishStep"/>: the staged objects to commit, in order; the last item should be
/// the manifest, so a consumer that finds the manifest can rely on every output being in place.
/// </summary>
public sealed record PublishRequest(string RunId, IReadOnlyList<PublishItem> Items);
