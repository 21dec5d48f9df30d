namespace SyntheticData.Evaluation.Internal;

/// <summary>
/// The pairwise association of the modelable columns for the heatmaps: |Pearson r| for numeric pairs and Cramér's V
/// (report binning) for the others, so every cell lies in [0, 1].
/// </summary>
internal sealed record AssociationMatrices(string[] Columns, double[,] Real, double[,] Synthetic, double[,] Difference)
{
    public static AssociationMatrices Create(QualityReportResult quality)
    {
        string[] columns = quality.ColumnShapes.Select(s => s.Column).ToArray();
        var index = columns.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        int n = columns.Length;
        var real = new double[n, n];
        var synthetic = new double[n, n];
        var difference = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            real[i, i] = 1;
            synthetic[i, i] = 1;
        }

        foreach (ColumnPairScore pair in quality.ColumnPairs)
        {
            int i = index[pair.Column1];
            int j = index[pair.Column2];
            bool isCorrelation = pair.Metric == "CorrelationSimilarity";
            double r = isCorrelation ? Math.Abs(pair.RealCorrelation) : pair.RealAssociation;
            double s = isCorrelation ? Math.Abs(pair.SyntheticCorrelation) : pair.SyntheticAssociation;
            real[i, j] = real[j, i] = r;
            synthetic[i, j] = synthetic[j, i] = s;
            difference[i, j] = difference[j, i] = Math.Abs(r - s);
        }

        return new AssociationMatrices(columns, real, synthetic, difference);
    }
}
