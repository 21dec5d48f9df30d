namespace SyntheticData.Synthesis.Transformers;

/// <summary>
/// A discrete column that the conditional vector can select: where its one-hot block sits in the
/// transformed row and in the condition vector, and how often each category occurs in training.
/// </summary>
/// <param name="Name">The column's header name.</param>
/// <param name="SpanStart">The index of the column's one-hot block in the transformed row.</param>
/// <param name="ConditionOffset">The index of the column's first slot in the condition vector.</param>
/// <param name="CategoryCounts">The training count of each category, in one-hot order.</param>
public sealed record ConditionalColumn(string Name, int SpanStart, int ConditionOffset, IReadOnlyList<int> CategoryCounts)
{
    /// <summary>The number of categories, which is also the width of the column's one-hot block.</summary>
    public int CategoryCount => CategoryCounts.Count;
}
