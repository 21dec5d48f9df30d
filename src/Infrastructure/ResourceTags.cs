namespace SyntheticData.Infrastructure;

/// <summary>Tag keys that the stacks set and the compliance rules read.</summary>
public static class ResourceTags
{
    /// <summary>Tag key whose value is a bucket's purpose, such as <c>landing</c>.</summary>
    public const string BucketPurpose = "synthdata:bucket-purpose";

    /// <summary>Tag key whose value is the data class of a bucket, queue or key, such as <c>raw</c>.</summary>
    public const string DataClass = "synthdata:data-class";
}
