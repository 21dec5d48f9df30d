using SyntheticData.Synthesis.Transformers;
using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Tests.Transformers;

public class DataTransformerTests
{
    [Fact]
    public void Width_IsModesPlusCategories()
    {
        Table table = MixedTable(400, seed: 1);

        DataTransformer transformer = Fit(table);

        int continuousWidth = transformer.Spans.Count(s => s.Activation == SpanActivation.Tanh);
        int softmaxWidth = transformer.Spans.Where(s => s.Activation == SpanActivation.Softmax).Sum(s => s.Width);
        Assert.Equal(transformer.Width, continuousWidth + softmaxWidth);
        Assert.Equal(2, continuousWidth);
        ConditionalColumn plan = Assert.Single(transformer.ConditionalColumns);
        Assert.Equal("plan", plan.Name);
        Assert.Equal(3, plan.CategoryCount);
        Assert.Equal(3, transformer.ConditionWidth);
    }

    [Fact]
    public void Transform_SetsOneSlotPerBlock()
    {
        Table table = MixedTable(300, seed: 2);
        DataTransformer transformer = Fit(table);

        float[] data = transformer.Transform(table, new Random(3));

        for (int row = 0; row < table.RowCount; row++)
        {
            foreach (OutputSpan span in transformer.Spans)
            {
                ReadOnlySpan<float> block = data.AsSpan((row * transformer.Width) + span.Start, span.Width);
                if (span.Activation == SpanActivation.Softmax)
                {
                    Assert.Equal(1, block.ToArray().Count(v => v == 1f));
                    Assert.Equal(1f, block.ToArray().Sum());
                }
                else
                {
                    Assert.InRange(block[0], -0.99f, 0.99f);
                }
            }
        }
    }

    [Fact]
    public void InverseTransform_RoundTripsValues()
    {
        Table table = MixedTable(500, seed: 4);
        DataTransformer transformer = Fit(table);

        float[] data = transformer.Transform(table, new Random(5));
        Table back = transformer.InverseTransform(data, table.RowCount, new Random(6));

        var income = (NumericColumn)back["income"];
        var expected = (NumericColumn)table["income"];
        var age = (NumericColumn)back["age"];
        for (int i = 0; i < table.RowCount; i++)
        {
            // float32 storage of the offset limits the round trip to about 1e-6 relative error, then rounding to 2 decimals.
            Assert.Equal(expected.Values[i], income.Values[i], 0.011);
            Assert.Equal(((NumericColumn)table["age"]).Values[i], age.Values[i]);
        }

        for (int i = 0; i < table.RowCount; i++)
        {
            Assert.Equal(table["plan"].FormatValue(i), back["plan"].FormatValue(i));
        }

        Assert.True(age.IsInteger);
    }

    [Fact]
    public void MissingNumbers_ComeBackAtTrainingShare()
    {
        double[] values = Enumerable.Range(0, 40).Select(i => i % 4 == 0 ? double.NaN : i * 1.5).ToArray();
        var table = new Table([new NumericColumn("income", values, isInteger: false)]);
        DataTransformer transformer = Fit(table);
        float[] encoded = transformer.Transform(table, new Random(1));
        float[] repeated = Enumerable.Range(0, 100).SelectMany(_ => encoded).ToArray();

        Table back = transformer.InverseTransform(repeated, 4000, new Random(2));

        var income = (NumericColumn)back["income"];
        double nullShare = income.Values.Count(double.IsNaN) / 4000.0;
        Assert.InRange(nullShare, 0.22, 0.28);
        Assert.All(income.Values.Where(v => !double.IsNaN(v)), v => Assert.InRange(v, 1.5, 58.5));
    }

    [Fact]
    public void FewerRowsThanComponents_Fits()
    {
        var table = new Table([new NumericColumn("x", [1.0, 2.0, 4.0], isInteger: true)]);

        DataTransformer transformer = Fit(table);
        Table back = transformer.InverseTransform(transformer.Transform(table, new Random(1)), 3, new Random(2));

        Assert.InRange(transformer.Width, 2, 4);
        Assert.Equal([1.0, 2.0, 4.0], ((NumericColumn)back["x"]).Values);
    }

    [Fact]
    public void AllNullColumn_WarnsAndStaysNull()
    {
        var table = new Table(
        [
            new NumericColumn("score", [0.71, 0.64, 0.88, 0.52], isInteger: false),
            new NumericColumn("notes", [double.NaN, double.NaN, double.NaN, double.NaN], isInteger: false),
        ]);

        DataTransformer transformer = Fit(table);
        Table back = transformer.InverseTransform(new float[transformer.Width * 5], 5, new Random(1));

        SynthesisWarning warning = Assert.Single(transformer.Warnings);
        Assert.Equal("notes", warning.Column);
        Assert.Contains("notes", warning.Message, StringComparison.Ordinal);
        Assert.All(((NumericColumn)back["notes"]).Values, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void WideCategorical_IsCappedWithWarning()
    {
        int rows = 3000;
        string[] labels = Enumerable.Range(0, 1500).Select(i => $"k{i}").ToArray();
        int[] codes = Enumerable.Range(0, rows).Select(i => i < 1000 ? 0 : i % 1500).ToArray();
        var table = new Table([new CategoricalColumn("merchant", codes, labels)]);

        DataTransformer transformer = Fit(table, new SynthesisOptions { MaxCategoriesPerColumn = 100 });

        Assert.Equal(100, transformer.Width);
        Assert.Equal("merchant", Assert.Single(transformer.Warnings).Column);
        Table back = transformer.InverseTransform(transformer.Transform(table, new Random(1)), rows, new Random(2));
        var decoded = (CategoricalColumn)back["merchant"];
        Assert.All(decoded.Codes, code => Assert.InRange(code, 0, 1499));
        Assert.Equal(1001, decoded.Codes.Count(code => decoded.Categories[code] == "k0"));
    }

    [Fact]
    public void IdentifierColumn_IsNotOneHotEncoded()
    {
        Table small = IdentifierTable(100);
        Table large = IdentifierTable(5000);

        DataTransformer smallTransformer = Fit(small);
        DataTransformer largeTransformer = Fit(large);
        Table back = largeTransformer.InverseTransform(new float[largeTransformer.Width * 50], 50, new Random(1));

        Assert.Equal(smallTransformer.Width, largeTransformer.Width);
        Assert.Equal(3, largeTransformer.Width);
        var references = (TextColumn)back["customer_ref"];
        Assert.All(references.Values, v => Assert.Matches("^C[0-9]{6}$", v!));
        Assert.Equal(50, references.Values.Distinct().Count());
    }

    [Fact]
    public void DropHandling_LeavesIdentifierOut()
    {
        Table table = IdentifierTable(20);

        DataTransformer transformer = Fit(table, new SynthesisOptions { IdentifierHandling = IdentifierHandling.Drop });
        Table back = transformer.InverseTransform(new float[transformer.Width * 4], 4, new Random(1));

        Assert.False(back.TryGetColumn("customer_ref", out _));
        Assert.True(back.TryGetColumn("plan", out _));
    }

    [Fact]
    public void BinaryIntegerColumn_IsDiscrete()
    {
        double[] outcome = Enumerable.Range(0, 40).Select(i => i % 6 == 0 ? 1.0 : 0.0).ToArray();
        var table = new Table([new NumericColumn("outcome", outcome, isInteger: true)]);

        DataTransformer transformer = Fit(table);

        ConditionalColumn column = Assert.Single(transformer.ConditionalColumns);
        Assert.Equal([33, 7], column.CategoryCounts);
    }

    internal static DataTransformer Fit(Table table, SynthesisOptions? options = null) =>
        DataTransformer.Fit(table, options ?? new SynthesisOptions(), new DataTransformerOptions(), new Random(11));

    private static Table MixedTable(int rows, int seed)
    {
        var random = new Random(seed);
        double[] age = new double[rows];
        double[] income = new double[rows];
        int[] plan = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            age[i] = random.Next(18, 90);
            income[i] = Math.Round((random.NextDouble() < 0.5 ? 20_000 : 80_000) + (random.NextDouble() * 5_000), 2);
            plan[i] = random.Next(3);
        }

        return new Table(
        [
            new NumericColumn("age", age, isInteger: true),
            new NumericColumn("income", income, isInteger: false),
            new CategoricalColumn("plan", plan, ["basic", "plus", "pro"]),
        ]);
    }

    private static Table IdentifierTable(int rows)
    {
        string[] references = Enumerable.Range(1, rows).Select(i => $"C{i:D6}").ToArray();
        int[] plan = Enumerable.Range(0, rows).Select(i => i % 3).ToArray();
        return new Table(
        [
            new CategoricalColumn("customer_ref", Enumerable.Range(0, rows).ToArray(), references),
            new CategoricalColumn("plan", plan, ["basic", "plus", "pro"]),
        ]);
    }
}
