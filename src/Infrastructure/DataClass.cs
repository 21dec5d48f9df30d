namespace SyntheticData.Infrastructure;

/// <summary>Class of data that decides which customer-managed KMS key protects it.</summary>
public enum DataClass
{
    /// <summary>Raw customer extracts as delivered, including rejected ones in quarantine.</summary>
    Raw,

    /// <summary>Anonymized datasets.</summary>
    Anonymized,

    /// <summary>Synthetic datasets and the models that produced them.</summary>
    Synthetic,

    /// <summary>Audit records: CloudTrail logs, S3 server access logs, audit log groups and alarm notifications.</summary>
    Audit,
}
