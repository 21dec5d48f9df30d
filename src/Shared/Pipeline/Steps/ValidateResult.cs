using SyntheticData.Pipeline.Runs;
using SyntheticData.Pipeline.Storage;
using SyntheticData.Tabular;

namespace SyntheticData.Pipeline.Steps;

/// <summary>
/// Output of <see cref="ValidateStep"/>: the extract's hash, format, header and record count, and the
/// policy that the later steps apply (given, or drafted and staged for review).
/// </summary>
public sealed record ValidateResult(
    HashedObject Extract,
    DataFormat Format,
    IReadOnlyList<string> Header,
    long Records,
    HashedObject Policy,
    bool PolicyDrafted);
