using System.Text.Json;
using Microsoft.Playwright;
using SyntheticData.Evaluation.Tests.Internal;

namespace SyntheticData.Evaluation.Tests;

/// <summary>
/// Writes real reports and opens the HTML in headless Chromium (Debian's <c>chromium</c> package at
/// /usr/bin/chromium, driven by Playwright); the screenshots land in the test output folder.
/// </summary>
public sealed class EvaluationReportWriterTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    [Theory]
    [InlineData("adult-sample", "income")]
    [InlineData("edge-constant", null)]
    public async Task HtmlReport_RendersInChromium(string caseName, string? target)
    {
        (EvaluationInput input, EvaluationResult result, EvaluationReportFiles files) = WriteReport(caseName, target);
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} not found: install the Debian package 'chromium'.");

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var consoleErrors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => consoleErrors.Add(error);
        page.Request += (_, request) => requests.Add(request.Url);

        string url = new Uri(files.HtmlPath).AbsoluteUri;
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        Assert.Empty(consoleErrors);
        Assert.Equal([url], requests);

        // One distribution per modelable column, plus the real, synthetic and difference heatmaps.
        IReadOnlyList<IElementHandle> plots = await page.QuerySelectorAllAsync("figure.plot");
        Assert.Equal(input.Metadata.ModelableColumns.Count + 3, plots.Count);
        foreach (IElementHandle plot in plots)
        {
            IElementHandle? image = await plot.QuerySelectorAsync("svg");
            Assert.NotNull(image);
            ElementHandleBoundingBoxResult? box = await image.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Width > 50, $"plot {await plot.InnerTextAsync()} is {box.Width} px wide");
            Assert.True(box.Height > 50, $"plot {await plot.InnerTextAsync()} is {box.Height} px high");
            Assert.NotEmpty(await image.QuerySelectorAllAsync("rect"));
        }

        string text = await page.InnerTextAsync("body");
        Assert.Contains(result.Quality.StrongPairsOnly.Label, text, StringComparison.Ordinal);
        Assert.Contains(result.Quality.AllPairs.Label, text, StringComparison.Ordinal);
        Assert.Contains("k-anonymity over [age, sex, race]: 7", text, StringComparison.Ordinal);
        Assert.Contains("input sha256", text, StringComparison.Ordinal);
        if (result.Gates.Count == 0)
        {
            Assert.Contains("No gate was configured.", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(result.Gates.Count + 1, await page.Locator("#gates + table tr").CountAsync());
        }

        string screenshot = Path.Combine(AppContext.BaseDirectory, "report-screenshots", $"{caseName}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }

    [Fact]
    public void HtmlReport_HasNoScriptOrExternalResource()
    {
        (_, _, EvaluationReportFiles files) = WriteReport("small-mixed", null);
        string html = File.ReadAllText(files.HtmlPath);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);

        // The only absolute URL is the SVG namespace, which browsers never fetch.
        string withoutNamespace = html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", withoutNamespace, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", withoutNamespace, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonReport_CarriesScoresAndLabels()
    {
        (_, EvaluationResult result, EvaluationReportFiles files) = WriteReport("edge-constant", null);

        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(files.JsonPath));
        JsonElement root = document.RootElement;
        JsonElement quality = root.GetProperty("quality");

        Assert.Equal(result.Quality.StrongPairsOnly.Overall, quality.GetProperty("strongPairsOnly").GetProperty("overall").GetDouble());
        Assert.Equal(result.Quality.AllPairs.Overall, quality.GetProperty("allPairs").GetProperty("overall").GetDouble());
        Assert.Equal("StrongPairsOnly", quality.GetProperty("strongPairsOnly").GetProperty("mode").GetString());
        Assert.Equal(result.Quality.AllPairs.Label, quality.GetProperty("allPairs").GetProperty("label").GetString());
        Assert.Equal(QualityReportResult.BinningNote, quality.GetProperty("binningNote").GetString());

        // An undefined score is written as the string "NaN", as the SDMetrics golden files do.
        JsonElement emptyColumn = quality.GetProperty("columnShapes").EnumerateArray().Single(c => c.GetProperty("column").GetString() == "synth_empty");
        Assert.Equal("NaN", emptyColumn.GetProperty("score").GetString());
        Assert.Equal(result.Privacy.NewRows.Score, root.GetProperty("privacy").GetProperty("newRows").GetProperty("score").GetDouble());
        Assert.Equal(7, root.GetProperty("anonymization").GetProperty("kAnonymity").GetInt32());
        Assert.True(root.GetProperty("passed").GetBoolean());
    }

    private static (EvaluationInput Input, EvaluationResult Result, EvaluationReportFiles Files) WriteReport(string caseName, string? target)
    {
        GoldenCase golden = GoldenCase.Load(caseName);
        var input = new EvaluationInput(golden.Real, golden.Synthetic, golden.Holdout, golden.Metadata, target);
        var options = new EvaluationOptions
        {
            MachineLearning = new MachineLearningEfficacyOptions { NumberOfTrees = 20 },
            Gates = target is null ? EvaluationGates.None : new EvaluationGates { MinQualityScore = 0.6, MinDcrOverfittingProtection = 0.5, MaxExactCopyRate = 0.01 },
        };
        EvaluationResult result = SyntheticDataEvaluator.Evaluate(input, options);
        string directory = Path.Combine(AppContext.BaseDirectory, "reports", caseName);
        EvaluationReportFiles files = EvaluationReportWriter.Write(directory, input, result, SampleReportContext.Create($"{caseName} evaluation"));
        return (input, result, files);
    }
}
