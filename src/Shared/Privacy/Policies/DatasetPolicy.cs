using System.Text.Json;

namespace SyntheticData.Privacy.Policies;

/// <summary>
/// A dataset policy: how to read an extract, which operator protects each column, the quasi-identifiers
/// and sensitive attributes for risk measurement, and the key that pseudonyms and tokens are derived from.
/// Load one with <see cref="PolicyReader"/>, which validates it against <see cref="PolicySchema"/>.
/// </summary>
public sealed record DatasetPolicy
{
    /// <summary>The policy format version; 1 is the only one defined.</summary>
    public int Version { get; init; } = 1;

    /// <summary>A free-text dataset name recorded in reports.</summary>
    public string? Dataset { get; init; }

    /// <summary>The input text encoding name: <c>utf-8</c> (strict) unless the extract is known to be another.</summary>
    public string Encoding { get; init; } = "utf-8";

    /// <summary>The field separator of CSV input and output.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>
    /// Raw cell texts that mean a missing value, compared as written in the file: <c>""</c> is the quoted
    /// empty field. They are written unchanged and never transformed.
    /// </summary>
    public IReadOnlyList<string> NullMarkers { get; init; } = ["", "\"\"", "NULL", "\\N"];

    /// <summary>What happens to input columns the policy does not name.</summary>
    public UnlistedColumnAction UnlistedColumns { get; init; } = UnlistedColumnAction.Fail;

    /// <summary>The operator for each named column, keyed by the exact header text.</summary>
    public IReadOnlyDictionary<string, ColumnPolicy> Columns { get; init; } =
        new Dictionary<string, ColumnPolicy>(StringComparer.Ordinal);

    /// <summary>Columns whose combination could single out a person; measured after their operators ran.</summary>
    public IReadOnlyList<string> QuasiIdentifiers { get; init; } = [];

    /// <summary>Columns whose diversity inside each equivalence class is measured (l-diversity).</summary>
    public IReadOnlyList<string> SensitiveAttributes { get; init; } = [];

    /// <summary>Free text for reviewers about the whole policy.</summary>
    public string? Comment { get; init; }

    /// <summary>The smallest equivalence class size the output should reach.</summary>
    public int K { get; init; } = 5;

    /// <summary>
    /// The column naming the person each record belongs to (a customer id, for example). When set, class sizes count
    /// distinct people instead of records, so five transactions of one customer do not make a class of five.
    /// </summary>
    public string? EntityColumn { get; init; }

    /// <summary>When true, records in equivalence classes smaller than <see cref="K"/> get their quasi-identifiers suppressed.</summary>
    public bool EnforceK { get; init; }

    /// <summary>The id of the pseudonymization key in the key provider.</summary>
    public string KeyId { get; init; } = "default";

    /// <summary>The ISO 3166-1 alpha-2 region used to parse phone numbers without an international prefix.</summary>
    public string? DefaultPhoneRegion { get; init; }

    /// <summary>A column holding each row's ISO 3166-1 alpha-2 country, which then sets that row's phone region.</summary>
    public string? CountryColumn { get; init; }

    /// <summary>The column a model predicts; used later for machine-learning efficacy.</summary>
    public string? TargetColumn { get; init; }

    /// <summary>Synthesis options, kept as JSON until the synthesis engine defines them.</summary>
    public JsonElement? Synthesis { get; init; }

    /// <summary>Quality and privacy gate thresholds, kept as JSON until the evaluation engine defines them.</summary>
    public JsonElement? Gates { get; init; }
}
