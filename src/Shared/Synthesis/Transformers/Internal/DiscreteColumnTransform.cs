using System.Globalization;
using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Transformers.Internal;

/// <summary>
/// One-hot encoding of a categorical, boolean or few-valued integer column. A missing value is its own
/// category. Above the width limit the most frequent categories keep their own slot and the rest share
/// one slot, from which decoding draws a category by its training frequency.
/// </summary>
internal sealed class DiscreteColumnTransform : ColumnTransform
{
    public const byte Kind = 2;

    private readonly SourceKind _source;
    private readonly string[] _slotLabels;
    private readonly int[] _slotCounts;
    private readonly bool _hasNullSlot;
    private readonly string[] _otherLabels;
    private readonly int[] _otherCounts;
    private readonly OutputSpan[] _spans;

    private DiscreteColumnTransform(
        string name,
        SourceKind source,
        string[] slotLabels,
        int[] slotCounts,
        bool hasNullSlot,
        string[] otherLabels,
        int[] otherCounts)
        : base(name)
    {
        _source = source;
        _slotLabels = slotLabels;
        _slotCounts = slotCounts;
        _hasNullSlot = hasNullSlot;
        _otherLabels = otherLabels;
        _otherCounts = otherCounts;
        _spans = [new OutputSpan(0, slotCounts.Length, SpanActivation.Softmax)];
    }

    public override IReadOnlyList<OutputSpan> Spans => _spans;

    /// <summary>The training count of each one-hot slot.</summary>
    public IReadOnlyList<int> SlotCounts => _slotCounts;

    /// <summary>True when the rarest categories share one slot because the column exceeded the width limit.</summary>
    public bool IsCapped => _otherLabels.Length > 0;

    /// <summary>The number of distinct categories seen in training, counting a missing value as one.</summary>
    public int DistinctCount => _slotLabels.Length + _otherLabels.Length + (_hasNullSlot ? 1 : 0);

    /// <summary>Counts the categories of a discrete column and builds its slots, capping the width.</summary>
    public static DiscreteColumnTransform Fit(Column column, int maxWidth)
    {
        (string[] labels, int[] counts, int nullCount) = Count(column);
        bool hasNull = nullCount > 0;
        int[] order = Enumerable.Range(0, labels.Length).ToArray();
        int labelSlots = maxWidth - (hasNull ? 1 : 0);
        string[] slotLabels;
        int[] slotCounts;
        string[] otherLabels = [];
        int[] otherCounts = [];
        if (labels.Length <= labelSlots)
        {
            slotLabels = labels;
            slotCounts = counts;
        }
        else
        {
            // Keep the most frequent categories (ties by first appearance) and pool the rest into the last slot.
            int[] byFrequency = order.OrderByDescending(i => counts[i]).ThenBy(i => i).ToArray();
            int keep = labelSlots - 1;
            slotLabels = byFrequency.Take(keep).Select(i => labels[i]).ToArray();
            otherLabels = byFrequency.Skip(keep).Select(i => labels[i]).ToArray();
            otherCounts = byFrequency.Skip(keep).Select(i => counts[i]).ToArray();
            slotCounts = [.. byFrequency.Take(keep).Select(i => counts[i]), otherCounts.Sum()];
        }

        if (hasNull)
        {
            slotCounts = [.. slotCounts, nullCount];
        }

        return new DiscreteColumnTransform(column.Name, SourceKind.Of(column), slotLabels, slotCounts, hasNull, otherLabels, otherCounts);
    }

    /// <summary>Returns the number of distinct present values and whether any value is missing.</summary>
    public static int CountDistinct(Column column)
    {
        (string[] labels, _, _) = Count(column);
        return labels.Length;
    }

    /// <summary>
    /// Finds the slot for a requested value given as text: a category label compared ordinally, or for
    /// an integer column a number compared by value. Returns false when the column has no such category.
    /// </summary>
    public bool TryFindSlot(string value, out int slot)
    {
        string key = value;
        if (IsNumericSource && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            key = FormatNumber(number);
        }

        slot = Array.IndexOf(_slotLabels, key);
        if (slot >= 0)
        {
            return true;
        }

        if (Array.IndexOf(_otherLabels, key) >= 0)
        {
            slot = _slotLabels.Length;
            return true;
        }

        return false;
    }

    /// <summary>The label that <paramref name="value"/> maps to after decoding, used to pin a conditioned column.</summary>
    public string CanonicalLabel(string value) =>
        IsNumericSource && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
            ? FormatNumber(number)
            : value;

    private bool IsNumericSource => _source.Type is ColumnType.Integer or ColumnType.Decimal;

    public override IEncodedColumn Encode(Column column, Random random)
    {
        var slotByLabel = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int s = 0; s < _slotLabels.Length; s++)
        {
            slotByLabel[_slotLabels[s]] = s;
        }

        int otherSlot = _slotLabels.Length;
        foreach (string label in _otherLabels)
        {
            slotByLabel[label] = otherSlot;
        }

        int nullSlot = _slotCounts.Length - 1;
        int n = column.Length;
        int[] slots = new int[n];
        for (int i = 0; i < n; i++)
        {
            string? label = LabelAt(column, i);
            if (label is null)
            {
                slots[i] = _hasNullSlot
                    ? nullSlot
                    : throw new ColumnFitException(Name, $"Row {i + 1} has a missing value, but the column had none when the transformer was fitted.");
                continue;
            }

            slots[i] = slotByLabel.TryGetValue(label, out int slot)
                ? slot
                : throw new ColumnFitException(Name, $"Row {i + 1} has a category that was not seen when the transformer was fitted.");
        }

        return new Encoded(slots);
    }

    /// <summary>Returns the one-hot slot of each row, for training-by-sampling.</summary>
    public int[] SlotsOf(IEncodedColumn encoded) => ((Encoded)encoded).Slots;

    public override Column Decode(float[] data, int rows, int rowWidth, int offset, Random random)
    {
        string[] allLabels = [.. _slotLabels, .. _otherLabels];
        int otherSlot = IsCapped ? _slotLabels.Length : -1;
        int nullSlot = _hasNullSlot ? _slotCounts.Length - 1 : -1;
        long otherTotal = _otherCounts.Sum(c => (long)c);
        int[] codes = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            int slot = ArgMax(data.AsSpan((i * rowWidth) + offset, _slotCounts.Length));
            if (slot == nullSlot)
            {
                codes[i] = -1;
            }
            else if (slot == otherSlot)
            {
                codes[i] = _slotLabels.Length + DrawOther(random, otherTotal);
            }
            else
            {
                codes[i] = slot;
            }
        }

        if (IsNumericSource)
        {
            double[] numbers = allLabels.Select(label => double.Parse(label, CultureInfo.InvariantCulture)).ToArray();
            double[] values = codes.Select(code => code < 0 ? double.NaN : numbers[code]).ToArray();
            return new NumericColumn(Name, values, _source.Type == ColumnType.Integer);
        }

        return new CategoricalColumn(Name, codes, allLabels, _source.Type == ColumnType.Boolean);
    }

    public override void Write(BinaryWriter writer)
    {
        writer.Write(Kind);
        writer.Write(Name);
        _source.Write(writer);
        WriteArray(writer, _slotLabels, _slotCounts);
        writer.Write(_hasNullSlot);
        if (_hasNullSlot)
        {
            writer.Write(_slotCounts[^1]);
        }

        WriteArray(writer, _otherLabels, _otherCounts);
    }

    public static DiscreteColumnTransform ReadBody(BinaryReader reader)
    {
        string name = reader.ReadString();
        SourceKind source = SourceKind.Read(reader);
        (string[] labels, int[] counts) = ReadArray(reader, name);
        bool hasNull = reader.ReadBoolean();
        if (hasNull)
        {
            counts = [.. counts, reader.ReadInt32()];
        }

        (string[] otherLabels, int[] otherCounts) = ReadArray(reader, name);
        if (otherLabels.Length > 0)
        {
            // The pooled slot's count is the sum of its members and sits right after the kept labels.
            counts = [.. counts[..labels.Length], otherCounts.Sum(), .. counts[labels.Length..]];
        }

        return new DiscreteColumnTransform(name, source, labels, counts, hasNull, otherLabels, otherCounts);
    }

    private static void WriteArray(BinaryWriter writer, string[] labels, int[] counts)
    {
        writer.Write(labels.Length);
        for (int i = 0; i < labels.Length; i++)
        {
            writer.Write(labels[i]);
            writer.Write(counts[i]);
        }
    }

    private static (string[] Labels, int[] Counts) ReadArray(BinaryReader reader, string name)
    {
        int length = reader.ReadInt32();
        if (length < 0 || length > 100_000_000)
        {
            throw new InvalidDataException($"Invalid category count for column '{name}' in the model file.");
        }

        string[] labels = new string[length];
        int[] counts = new int[length];
        for (int i = 0; i < length; i++)
        {
            labels[i] = reader.ReadString();
            counts[i] = reader.ReadInt32();
        }

        return (labels, counts);
    }

    private int DrawOther(Random random, long total)
    {
        double target = random.NextDouble() * total;
        double running = 0;
        for (int i = 0; i < _otherCounts.Length; i++)
        {
            running += _otherCounts[i];
            if (target < running)
            {
                return i;
            }
        }

        return _otherCounts.Length - 1;
    }

    private static (string[] Labels, int[] Counts, int NullCount) Count(Column column)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var labels = new List<string>();
        var counts = new List<int>();
        int nullCount = 0;
        for (int i = 0; i < column.Length; i++)
        {
            string? label = LabelAt(column, i);
            if (label is null)
            {
                nullCount++;
                continue;
            }

            if (index.TryGetValue(label, out int slot))
            {
                counts[slot]++;
            }
            else
            {
                index[label] = labels.Count;
                labels.Add(label);
                counts.Add(1);
            }
        }

        if (column is NumericColumn)
        {
            // Numbers are kept in ascending order, so the one-hot order does not depend on row order.
            int[] order = Enumerable.Range(0, labels.Count)
                .OrderBy(i => double.Parse(labels[i], CultureInfo.InvariantCulture))
                .ToArray();
            return (order.Select(i => labels[i]).ToArray(), order.Select(i => counts[i]).ToArray(), nullCount);
        }

        return ([.. labels], [.. counts], nullCount);
    }

    private static string? LabelAt(Column column, int row) => column switch
    {
        CategoricalColumn categorical => categorical.Codes[row] < 0 ? null : categorical.Categories[categorical.Codes[row]],
        NumericColumn numeric => double.IsNaN(numeric.Values[row]) ? null : FormatNumber(numeric.Values[row]),
        _ => throw new ArgumentException($"Column '{column.Name}' is not categorical, boolean or numeric.", nameof(column)),
    };

    private static string FormatNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private sealed class Encoded(int[] slots) : IEncodedColumn
    {
        public int[] Slots { get; } = slots;

        public void WriteRow(int row, Span<float> destination)
        {
            destination.Clear();
            destination[Slots[row]] = 1f;
        }
    }
}
