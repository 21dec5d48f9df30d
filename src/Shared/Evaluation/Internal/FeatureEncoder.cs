namespace SyntheticData.Evaluation.Internal;

/// <summary>
/// Turns rows of feature columns into float vectors for ML.NET: numbers as they are with a null indicator where the
/// training column has nulls, and one-hot vectors for the most frequent training categories plus one for the rest.
/// It is fitted on the training table only, so test-only categories fall into the shared "other" slot.
/// </summary>
internal sealed class FeatureEncoder
{
    private readonly List<Slot> _slots = [];

    public FeatureEncoder(MetricColumn[] training, int maxCategoriesPerColumn)
    {
        for (int j = 0; j < training.Length; j++)
        {
            if (training[j].Numbers is { } numbers)
            {
                _slots.Add(new Slot(j, null, Indicator: false));
                if (numbers.Any(double.IsNaN))
                {
                    _slots.Add(new Slot(j, null, Indicator: true));
                }

                continue;
            }

            IEnumerable<string> top = training[j].Labels!
                .Where(label => label is not null)
                .GroupBy(label => label!, StringComparer.Ordinal)
                .OrderByDescending(group => group.Count())
                .ThenBy(group => group.Key, StringComparer.Ordinal)
                .Take(maxCategoriesPerColumn)
                .Select(group => group.Key);
            var categories = top.Select((label, index) => (label, index)).ToDictionary(p => p.label, p => p.index, StringComparer.Ordinal);
            _slots.Add(new Slot(j, categories, Indicator: false));
        }

        FeatureCount = _slots.Sum(slot => slot.Categories is null ? 1 : slot.Categories.Count + 1);
    }

    /// <summary>The length of every feature vector.</summary>
    public int FeatureCount { get; }

    public float[] Encode(MetricColumn[] table, int row)
    {
        var features = new float[FeatureCount];
        int offset = 0;
        foreach (Slot slot in _slots)
        {
            MetricColumn column = table[slot.Column];
            if (slot.Categories is null)
            {
                double value = column.Numbers![row];
                features[offset++] = slot.Indicator
                    ? (double.IsNaN(value) ? 1f : 0f)
                    : (double.IsNaN(value) ? 0f : (float)value);
                continue;
            }

            string? label = column.Labels![row];
            if (label is not null)
            {
                int index = slot.Categories.TryGetValue(label, out int code) ? code : slot.Categories.Count;
                features[offset + index] = 1f;
            }

            offset += slot.Categories.Count + 1;
        }

        return features;
    }

    private sealed record Slot(int Column, Dictionary<string, int>? Categories, bool Indicator);
}
