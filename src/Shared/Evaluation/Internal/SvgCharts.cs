using System.Globalization;
using System.Net;
using System.Text;

namespace SyntheticData.Evaluation.Internal;

/// <summary>
/// Draws the report's charts as inline SVG, so the HTML needs no script, font file, image file or native library.
/// </summary>
internal static class SvgCharts
{
    public const string RealColor = "#1f77b4";
    public const string SyntheticColor = "#ff7f0e";

    private const int Width = 520;
    private const int Height = 260;
    private const int Left = 44;
    private const int Right = 10;
    private const int Top = 14;

    /// <summary>Draws real and synthetic shares as paired bars, labelled below the axis.</summary>
    public static string Bars(ColumnDistribution distribution)
    {
        int bottom = distribution.IsHistogram ? 40 : 90;
        double plotWidth = Width - Left - Right;
        double plotHeight = Height - Top - bottom;
        double maximum = Math.Max(1e-12, distribution.RealShares.Concat(distribution.SyntheticShares).DefaultIfEmpty(0).Max());
        int count = distribution.Labels.Length;
        double slot = count == 0 ? plotWidth : plotWidth / count;

        var svg = Open(Width, Height, $"Distribution of {distribution.Column}: real and synthetic shares");
        AppendAxes(svg, plotHeight, maximum);
        for (int i = 0; i < count; i++)
        {
            double x = Left + (i * slot);
            AppendBar(svg, x + (slot * 0.1), slot * 0.4, distribution.RealShares[i], maximum, plotHeight, RealColor, $"{distribution.Labels[i]}: real {Percent(distribution.RealShares[i])}");
            AppendBar(svg, x + (slot * 0.5), slot * 0.4, distribution.SyntheticShares[i], maximum, plotHeight, SyntheticColor, $"{distribution.Labels[i]}: synthetic {Percent(distribution.SyntheticShares[i])}");

            // Histograms label every fifth bin edge to stay legible; categories label every bar, rotated.
            bool isNullBar = distribution.Labels[i] == "(null)";
            if (distribution.IsHistogram && i % 5 != 0 && !isNullBar)
            {
                continue;
            }

            double labelX = distribution.IsHistogram && !isNullBar ? x : x + (slot / 2);
            double labelY = Top + plotHeight + 14;
            string transform = distribution.IsHistogram ? string.Empty : $" transform=\"rotate(-40 {F(labelX)} {F(labelY)})\"";
            string anchor = distribution.IsHistogram ? "middle" : "end";
            svg.Append($"<text x=\"{F(labelX)}\" y=\"{F(labelY)}\" font-size=\"10\" text-anchor=\"{anchor}\"{transform}>{Escape(Shorten(distribution.Labels[i]))}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Draws a square matrix of values in [0, <paramref name="maximum"/>]; NaN cells are grey.</summary>
    public static string Heatmap(string[] names, double[,] values, string title, double maximum)
    {
        int n = names.Length;
        const int labelSpace = 120;
        double cell = Math.Max(8, Math.Min(28, 420.0 / Math.Max(1, n)));
        int size = (int)Math.Ceiling(labelSpace + (n * cell) + 10);
        var svg = Open(size, size, title);
        for (int i = 0; i < n; i++)
        {
            double y = labelSpace + (i * cell);
            svg.Append($"<text x=\"{labelSpace - 4}\" y=\"{F(y + (cell * 0.7))}\" font-size=\"10\" text-anchor=\"end\">{Escape(Shorten(names[i]))}</text>");
            double x = labelSpace + (i * cell) + (cell * 0.7);
            svg.Append($"<text x=\"{F(x)}\" y=\"{labelSpace - 4}\" font-size=\"10\" transform=\"rotate(-60 {F(x)} {labelSpace - 4})\">{Escape(Shorten(names[i]))}</text>");
            for (int j = 0; j < n; j++)
            {
                double value = values[i, j];
                string fill = double.IsNaN(value) ? "#cccccc" : Shade(value / maximum);
                string label = double.IsNaN(value) ? "undefined" : value.ToString("0.000", CultureInfo.InvariantCulture);
                svg.Append($"<rect x=\"{F(labelSpace + (j * cell))}\" y=\"{F(y)}\" width=\"{F(cell)}\" height=\"{F(cell)}\" fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"0.5\"><title>{Escape(names[i])} / {Escape(names[j])}: {label}</title></rect>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static StringBuilder Open(int width, int height, string label)
    {
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Escape(label)}\" font-family=\"sans-serif\">");
        return svg;
    }

    private static void AppendAxes(StringBuilder svg, double plotHeight, double maximum)
    {
        double axisY = Top + plotHeight;
        svg.Append($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{F(axisY)}\" stroke=\"#333\"/>");
        svg.Append($"<line x1=\"{Left}\" y1=\"{F(axisY)}\" x2=\"{Width - Right}\" y2=\"{F(axisY)}\" stroke=\"#333\"/>");
        svg.Append($"<text x=\"{Left - 4}\" y=\"{Top + 8}\" font-size=\"10\" text-anchor=\"end\">{Percent(maximum)}</text>");
        svg.Append($"<text x=\"{Left - 4}\" y=\"{F(axisY)}\" font-size=\"10\" text-anchor=\"end\">0%</text>");
    }

    private static void AppendBar(StringBuilder svg, double x, double width, double share, double maximum, double plotHeight, string color, string tooltip)
    {
        double height = share / maximum * plotHeight;
        double y = Top + plotHeight - height;
        svg.Append($"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(width)}\" height=\"{F(height)}\" fill=\"{color}\"><title>{Escape(tooltip)}</title></rect>");
    }

    private static string Shade(double fraction)
    {
        // White for 0, dark blue for 1.
        double t = Math.Clamp(fraction, 0, 1);
        int r = (int)Math.Round(255 - (t * (255 - 8)));
        int g = (int)Math.Round(255 - (t * (255 - 48)));
        int b = (int)Math.Round(255 - (t * (255 - 107)));
        return $"#{r:x2}{g:x2}{b:x2}";
    }

    private static string Shorten(string text) => text.Length <= 18 ? text : string.Concat(text.AsSpan(0, 17), "…");

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    internal static string Escape(string text) => WebUtility.HtmlEncode(text);
}
