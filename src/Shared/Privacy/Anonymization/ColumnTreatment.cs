namespace SyntheticData.Privacy.Anonymization;

/// <summary>Why a column gets its operator.</summary>
public enum ColumnTreatment
{
    /// <summary>The policy names the column.</summary>
    Listed,

    /// <summary>The policy does not name the column, and its <c>unlistedColumns</c> setting applies.</summary>
    Unlisted,

    /// <summary>A card security code or track data column, dropped whatever operator the policy names.</summary>
    ForcedDrop,
}
