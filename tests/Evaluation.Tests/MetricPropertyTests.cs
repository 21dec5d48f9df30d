using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SyntheticData.Evaluation.Tests;

/// <summary>Invariants of the metrics on random inputs.</summary>
public sealed class MetricPropertyTests
{
    [Property(MaxTest = 200)]
    public Property KSComplement_IsOneAgainstItselfAndInUnitRange(NormalFloat[] a, NormalFloat[] b)
    {
        double[] x = a.Select(v => v.Get).ToArray();
        double[] y = b.Select(v => v.Get).ToArray();
        double self = KSComplement.Compute(x, x);
        double other = KSComplement.Compute(x, y);
        bool valid = x.Length == 0 || y.Length == 0 ? double.IsNaN(other) : other is >= 0 and <= 1;
        return (valid && (x.Length == 0 ? double.IsNaN(self) : self == 1.0)).ToProperty();
    }

    [Property(MaxTest = 100)]
    public Property Dcr_IsZeroAgainstItself(NonEmptyArray<NormalFloat> values, PositiveInt categories)
    {
        double[] numbers = values.Get.Select(v => v.Get).ToArray();
        string?[] labels = numbers.Select((_, i) => i % 5 == 0 ? null : (i % categories.Get).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        MetricColumn[] table = [MetricColumn.Continuous("n", numbers), MetricColumn.Discrete("c", labels)];

        double[] distances = DistanceToClosestRecord.Compute(table, table);

        return distances.All(d => d == 0).ToProperty();
    }

    [Property(MaxTest = 100)]
    public Property TVComplement_IsSymmetricWithoutUnseenCategories(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        string?[] real = Enumerable.Range(0, 50).Select(_ => "abc"[random.Next(3)].ToString()).ToArray();
        string?[] synthetic = Enumerable.Range(0, 40).Select(_ => "abc"[random.Next(3)].ToString()).ToArray();
        real[0] = "a";
        real[1] = "b";
        real[2] = "c";
        synthetic[0] = "a";
        synthetic[1] = "b";
        synthetic[2] = "c";

        double forward = TVComplement.Compute(real, synthetic);
        double backward = TVComplement.Compute(synthetic, real);

        return (Math.Abs(forward - backward) < 1e-12 && forward is >= 0 and <= 1).ToProperty();
    }
}
