using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SyntheticData.Evaluation;
using SyntheticData.Pipeline.Keys;
using SyntheticData.Pipeline.Steps;
using SyntheticData.Pipeline.Storage;
using SyntheticData.Privacy.Policies;
using SyntheticData.Synthesis;
using SyntheticData.Telemetry;

namespace SyntheticData.Pipeline.Runs;

/// <summary>
/// Runs every step of the pipeline in one process over a workspace folder: validate, anonymize, verify,
/// split holdout, train, sample, evaluate, publish. A failed step or gate moves the staged outputs to
/// <c>quarantine/</c> with a reason; the landing extract is never changed or deleted.
/// </summary>
public sealed class LocalPipelineRunner
{
    /// <summary>The audit log's path inside the workspace.</summary>
    public const string AuditLogRelativePath = "audit/audit-log.jsonl";

    // The extensions that a dataset name drops from an extract's file name.
    private static readonly string[] DataExtensions = [".gz", ".csv", ".tsv", ".txt", ".jsonl", ".ndjson", ".json", ".parquet"];

    // Every enum in RunManifest needs its converter here, or it is written as a number.
    private static readonly RunManifestJsonContext ManifestJson = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters =
        {
            new JsonStringEnumConverter<RunOutcome>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<StepOutcome>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<StepFailureCause>(JsonNamingPolicy.KebabCaseLower),
        },
    });

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The workspace folder of the runs' scratch folders, beside the buckets.</summary>
    public const string ScratchFolderName = ".scratch";

    private readonly LocalObjectStore _store;
    private readonly IKeyProvider _keys;
    private readonly SynthesizerFactory _synthesizers;
    private readonly TimeProvider _time;
    private readonly IProgress<StepProgress>? _progress;
    private readonly AuditLog _audit;

    /// <summary>Creates a runner over <paramref name="workspace"/>; the bucket folders are created when missing.</summary>
    public LocalPipelineRunner(
        string workspace,
        IKeyProvider keys,
        SynthesizerFactory synthesizers,
        TimeProvider? time = null,
        IProgress<StepProgress>? progress = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspace);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(synthesizers);
        _store = new LocalObjectStore(workspace);
        _keys = keys;
        _synthesizers = synthesizers;
        _time = time ?? TimeProvider.System;
        _progress = progress;
        _audit = new AuditLog(Path.Combine(_store.Root, AuditLogRelativePath), _time);
        foreach (string bucket in Buckets.All)
        {
            Directory.CreateDirectory(Path.Combine(_store.Root, bucket));
        }

        if (!OperatingSystem.IsWindows())
        {
            // Other local users must not read raw extracts or failed outputs, whatever the umask or an earlier mode was.
            foreach (string bucket in Buckets.PersonalData)
            {
                File.SetUnixFileMode(Path.Combine(_store.Root, bucket), OwnerOnlyFolder);
            }

            Directory.CreateDirectory(Path.Combine(_store.Root, ScratchFolderName), OwnerOnlyFolder);
            File.SetUnixFileMode(Path.Combine(_store.Root, ScratchFolderName), OwnerOnlyFolder);
        }
    }

    /// <summary>The bucket names, one folder each in the workspace.</summary>
    public PipelineBuckets Buckets { get; } = new();

    /// <summary>The workspace folder.</summary>
    public string Workspace => _store.Root;

    /// <summary>Runs the pipeline on one extract. Failures are reported in the result, not thrown, except cancellation.</summary>
    public async Task<RunResult> RunAsync(RunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.ExtractPath))
        {
            throw new FileNotFoundException($"Extract {options.ExtractPath} was not found.", options.ExtractPath);
        }

        if (options.PolicyPath is not null && !File.Exists(options.PolicyPath))
        {
            throw new FileNotFoundException($"Policy {options.PolicyPath} was not found.", options.PolicyPath);
        }

        DateTimeOffset started = _time.GetUtcNow();
        string runId = started.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        string dataset = options.DatasetName ?? PolicyDatasetName(options.PolicyPath) ?? DatasetNameOf(options.ExtractPath);
        // Scratch copies of the extract stay inside the workspace, whose personal-data folders are owner-only, rather than
        // in the shared temporary folder, and a run killed before its clean-up leaves them there too.
        string scratch = Path.Combine(_store.Root, ScratchFolderName, runId);
        var metrics = new ManifestMetricsSink();
        var context = new StepContext(_store, metrics, scratch, Buckets, _time, _progress);
        var state = new RunState(runId, dataset, started);

        try
        {
            // The extract is delivered to landing as a user would drop it. Each run gets its own prefix, so a later
            // file of the same name never replaces it, and the steps only read it from there.
            var extract = new ObjectReference(Buckets.Landing, $"{dataset}/{runId}/{Path.GetFileName(options.ExtractPath)}");
            string extractPath = _store.GetPath(extract);
            if (!string.Equals(Path.GetFullPath(options.ExtractPath), extractPath, StringComparison.Ordinal))
            {
                await _store.UploadAsync(options.ExtractPath, extract, cancellationToken).ConfigureAwait(false);
            }

            state.Manifest = state.Manifest with { Input = new HashedObject(extract, string.Empty, 0) };
            ObjectReference? givenPolicy = null;
            if (options.PolicyPath is not null)
            {
                givenPolicy = new ObjectReference(Buckets.Work, $"{runId}/policy.json");
                await _store.UploadAsync(options.PolicyPath, givenPolicy, cancellationToken).ConfigureAwait(false);

                // Staged from the start, so a run that fails validation moves it to quarantine with the rest.
                state.Staged["policy"] = givenPolicy;
            }

            _audit.Append(runId, "run.started", new JsonObject { ["input"] = extract.ToString(), ["policyGiven"] = givenPolicy is not null });
            await ExecuteAsync(context, state, options, extract, givenPolicy, cancellationToken).ConfigureAwait(false);
        }
        catch (StepFailedException exception)
        {
            await FailAsync(context, state, exception.Step, exception.Message, exception.IsGateFailure).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            string step = state.CurrentStep ?? "run";
            // A key store message is written for users; other unexpected errors keep their type, which helps a bug report.
            string message = exception is Keys.KeyStoreException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
            await FailAsync(context, state, step, message, isGateFailure: false).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception)
        {
            // A cancelled run publishes nothing, so what it staged is removed. The delivered extract stays in landing, and
            // the manifest goes to quarantine with the run's policy, as a failed run's do.
            HashedObject? policy = null;
            if (state.Staged.GetValueOrDefault("policy") is { } staged && await _store.GetMetadataAsync(staged, CancellationToken.None).ConfigureAwait(false) is not null)
            {
                var quarantinedPolicy = new ObjectReference(Buckets.Quarantine, $"{runId}/{staged.Bucket}/{staged.Key}");
                await _store.CopyAsync(staged, quarantinedPolicy, CancellationToken.None).ConfigureAwait(false);
                policy = await ObjectHashing.HashAsync(_store, quarantinedPolicy, CancellationToken.None).ConfigureAwait(false);
                state.OutputPaths["policy"] = _store.GetPath(quarantinedPolicy);
            }

            TryDeleteFolder(WorkFolderOf(runId));
            string step = state.CurrentStep ?? "run";
            state.Manifest = state.Manifest with
            {
                Outcome = RunOutcome.Cancelled,
                FailureReason = $"{step}: cancelled",
                Input = await HashedInputAsync(state).ConfigureAwait(false),
                Policy = policy,
            };
            var manifestReference = new ObjectReference(Buckets.Quarantine, $"{runId}/manifest.json");
            await FinishAsync(state, metrics, manifestReference, CancellationToken.None).ConfigureAwait(false);
            _audit.Append(runId, "run.cancelled", new JsonObject { ["step"] = step, ["manifest"] = manifestReference.ToString() });
            throw new RunCancelledException(state.Result!.ManifestPath, exception);
        }
        finally
        {
            TryDeleteFolder(scratch);
        }

        return state.Result ?? throw new InvalidOperationException("The run ended without a result.");
    }

    private async Task ExecuteAsync(
        StepContext context,
        RunState state,
        RunOptions options,
        ObjectReference extract,
        ObjectReference? givenPolicy,
        CancellationToken cancellationToken)
    {
        string runId = state.RunId;
        ValidateResult validated = await StepAsync(state, ValidateStep.Name, () => ValidateStep.RunAsync(context, new ValidateRequest(runId, extract, givenPolicy), cancellationToken)).ConfigureAwait(false);
        state.Manifest = state.Manifest with { Input = validated.Extract, Policy = validated.Policy, PolicyDrafted = validated.PolicyDrafted };
        state.Staged["policy"] = validated.Policy.Reference;
        DatasetPolicy policy = await PolicyObjects.ReadAsync(context, validated.Policy.Reference, cancellationToken).ConfigureAwait(false);

        AnonymizeResult anonymized = await StepAsync(state, AnonymizeStep.Name, () => new AnonymizeStep(_keys).RunAsync(context, new AnonymizeRequest(runId, extract, validated.Policy.Reference), cancellationToken)).ConfigureAwait(false);
        state.Manifest = state.Manifest with
        {
            KeyId = anonymized.KeyId,
            KeyVersion = anonymized.KeyVersion,
            Warnings = [.. state.Manifest.Warnings, .. anonymized.Warnings ?? []],
        };
        state.Staged["anonymized"] = anonymized.Anonymized;

        VerifyResult verified = await StepAsync(
            state,
            VerifyStep.Name,
            () => new VerifyStep(_keys).RunAsync(context, new VerifyRequest(runId, anonymized.Anonymized, validated.Header, validated.Policy.Reference, anonymized.KeyId, anonymized.KeyVersion), cancellationToken),
            result => result.Passed ? null : string.Join(" ", result.Failures)).ConfigureAwait(false);
        if (!verified.Passed)
        {
            throw new StepFailedException(VerifyStep.Name, string.Join(" ", verified.Failures), isGateFailure: true);
        }

        if (!options.SkipSynthesis)
        {
            await SynthesizeAsync(context, state, options, policy, anonymized, verified, cancellationToken).ConfigureAwait(false);
        }

        await PublishAsync(context, state, cancellationToken).ConfigureAwait(false);
    }

    private async Task SynthesizeAsync(
        StepContext context,
        RunState state,
        RunOptions options,
        DatasetPolicy policy,
        AnonymizeResult anonymized,
        VerifyResult verified,
        CancellationToken cancellationToken)
    {
        string runId = state.RunId;
        SynthesizerKind kind = options.Synthesizer ?? ParseKind(PolicySettings.SynthesisString(policy.Synthesis, "synthesizer")) ?? SynthesizerKind.GaussianCopula;
        int seed = options.Seed ?? (int)(PolicySettings.SynthesisNumber(policy.Synthesis, "seed") ?? 0);
        double holdout = options.HoldoutFraction ?? PolicySettings.SynthesisNumber(policy.Synthesis, "holdoutFraction") ?? 0.2;
        EvaluationGates gates = PolicySettings.GatesOf(policy.Gates);

        SplitHoldoutResult split = await StepAsync(state, SplitHoldoutStep.Name, () => SplitHoldoutStep.RunAsync(context, new SplitHoldoutRequest(runId, anonymized.Anonymized, holdout, seed), cancellationToken)).ConfigureAwait(false);

        // Columns that carry pseudonyms, tokens or masked values are identifiers: they are regenerated, never modelled.
        string[] sensitive = anonymized.Columns
            .Where(column => column.Operator is nameof(OperatorKind.Pseudonym) or nameof(OperatorKind.Token) or nameof(OperatorKind.Truncate) or nameof(OperatorKind.Mask))
            .Select(column => column.Column)
            .ToArray();
        TrainResult trained = await StepAsync(state, TrainStep.Name, () => new TrainStep(_synthesizers).RunAsync(context, new TrainRequest(runId, split.Training, kind, seed, sensitive), cancellationToken)).ConfigureAwait(false);
        state.Staged["model"] = trained.Model;

        int rows = options.Rows ?? (int?)PolicySettings.SynthesisNumber(policy.Synthesis, "rows") ?? checked((int)split.TrainingRows);
        state.Manifest = state.Manifest with
        {
            Synthesis = new JsonObject
            {
                ["synthesizer"] = kind.ToString(),
                ["seed"] = seed,
                ["rows"] = rows,
                ["holdoutFraction"] = holdout,
                ["regeneratedColumns"] = new JsonArray(sensitive.Select(name => (JsonNode?)name).ToArray()),
                ["warnings"] = new JsonArray(trained.Warnings.Select(warning => (JsonNode?)warning).ToArray()),
            },
        };

        SampleResult sampled = await StepAsync(state, SampleStep.Name, () => new SampleStep(_synthesizers).RunAsync(context, new SampleRequest(runId, trained.Model, rows, seed), cancellationToken)).ConfigureAwait(false);
        state.Staged["synthetic"] = sampled.Synthetic;

        var anonymizationSection = new Evaluation.AnonymizationSummary(
            anonymized.Columns.Select(column => new ColumnOperatorEntry(column.Column, column.Operator, column.Treatment)).ToArray(),
            policy.QuasiIdentifiers,
            verified.Risk is null ? null : checked((int)Math.Min(verified.Risk.SmallestClass, int.MaxValue)),
            policy.QuasiIdentifiers.Count == 0 ? null : policy.K,
            checked((int)Math.Min(verified.Rescan.RecordsScanned, int.MaxValue)),
            verified.Rescan.Findings.Select(finding => new ResidualPiiFinding(finding.Column, finding.Kind.ToString(), checked((int)Math.Min(finding.Cells, int.MaxValue)))).ToArray());
        var lineage = new LineageSummary(
            [
                KeyValuePair.Create("Run", runId),
                KeyValuePair.Create("Input", state.Manifest.Input.Reference.ToString()),
                KeyValuePair.Create("Input SHA-256", state.Manifest.Input.Sha256),
                KeyValuePair.Create("Policy SHA-256", state.Manifest.Policy?.Sha256 ?? string.Empty),
                KeyValuePair.Create("Key", $"{anonymized.KeyId} v{anonymized.KeyVersion}"),
                KeyValuePair.Create("Synthesizer", kind.ToString()),
                KeyValuePair.Create("Seed", seed.ToString(CultureInfo.InvariantCulture)),
            ],
            state.Manifest.Steps.Select(step => new LineageStep(step.Name, TimeSpan.FromSeconds(step.DurationSeconds), step.Outcome.ToString())).ToArray());

        EvaluateResult evaluated = await StepAsync(
            state,
            EvaluateStep.Name,
            () => EvaluateStep.RunAsync(
                context,
                new EvaluateRequest(runId, split.Training, split.Holdout, sampled.Synthetic, gates, policy.TargetColumn, sensitive, anonymizationSection, lineage, $"Synthetic data report: {state.Dataset}"),
                cancellationToken),
            result => result.Passed ? null : DescribeFailedGates(result.Evaluation)).ConfigureAwait(false);
        state.Staged["report-html"] = evaluated.HtmlReport;
        state.Staged["report-json"] = evaluated.JsonReport;
        if (!evaluated.Passed)
        {
            throw new StepFailedException(EvaluateStep.Name, DescribeFailedGates(evaluated.Evaluation), isGateFailure: true);
        }
    }

    private async Task PublishAsync(StepContext context, RunState state, CancellationToken cancellationToken)
    {
        string prefix = $"{state.Dataset}/{state.RunId}";
        var items = new List<(string Role, PublishItem Item)>
        {
            ("anonymized", new PublishItem(state.Staged["anonymized"], new ObjectReference(Buckets.Anonymized, $"{prefix}/{state.Dataset}.anonymized.csv"))),
            ("policy", new PublishItem(state.Staged["policy"], new ObjectReference(Buckets.Reports, $"{prefix}/policy.json"))),
        };
        if (state.Staged.TryGetValue("synthetic", out ObjectReference? synthetic))
        {
            items.Add(("synthetic", new PublishItem(synthetic, new ObjectReference(Buckets.Synthetic, $"{prefix}/{state.Dataset}.synthetic.csv"))));
            items.Add(("model", new PublishItem(state.Staged["model"], new ObjectReference(Buckets.Synthetic, $"{prefix}/model.synmodel"))));
            items.Add(("report-html", new PublishItem(state.Staged["report-html"], new ObjectReference(Buckets.Reports, $"{prefix}/{EvaluationReportWriter.HtmlFileName}"))));
            items.Add(("report-json", new PublishItem(state.Staged["report-json"], new ObjectReference(Buckets.Reports, $"{prefix}/{EvaluationReportWriter.JsonFileName}"))));
        }

        IReadOnlyList<HashedObject> committed = await StepAsync(state, PublishStep.Name, () => PublishStep.RunAsync(context, new PublishRequest(state.RunId, items.Select(entry => entry.Item).ToArray()), cancellationToken)).ConfigureAwait(false);
        foreach ((string role, PublishItem item) in items)
        {
            state.OutputPaths[role] = _store.GetPath(item.Destination);
        }

        await DeleteStagedAsync(state, cancellationToken).ConfigureAwait(false);
        state.Manifest = state.Manifest with
        {
            Outputs = [.. committed],
            Outcome = RunOutcome.Published,
            Policy = committed.FirstOrDefault(output => output.Reference == items.Single(entry => entry.Role == "policy").Item.Destination) ?? state.Manifest.Policy,
        };
        var manifestReference = new ObjectReference(Buckets.Reports, $"{prefix}/manifest.json");
        await FinishAsync(state, context.Metrics as ManifestMetricsSink, manifestReference, cancellationToken).ConfigureAwait(false);
        _audit.Append(state.RunId, "run.published", new JsonObject
        {
            ["outputs"] = new JsonArray(committed.Select(output => (JsonNode?)new JsonObject { ["object"] = output.Reference.ToString(), ["sha256"] = output.Sha256 }).ToArray()),
            ["manifest"] = manifestReference.ToString(),
        });
    }

    // Quarantine runs to the end even when the run was cancelled, so nothing is left half-moved.
    private async Task FailAsync(StepContext context, RunState state, string step, string reason, bool isGateFailure)
    {
        if (step == ValidateStep.Name)
        {
            context.Metrics.Record(PipelineMetrics.ExtractsRejected, 1, PipelineMetrics.CountUnit);
        }

        context.Metrics.Record(PipelineMetrics.RunsFailed, 1, PipelineMetrics.CountUnit);
        var objects = new List<ObjectReference>(state.Staged.Values);
        if (step == ValidateStep.Name && state.Manifest.Input.Reference.Key.Length > 0)
        {
            // A rejected extract is copied aside with its reason; the landing object stays untouched.
            objects.Insert(0, state.Manifest.Input.Reference);
        }

        IReadOnlyList<ObjectReference> moved = await QuarantineStep.RunAsync(
            context,
            new QuarantineRequest(state.RunId, objects, step, reason, isGateFailure),
            CancellationToken.None).ConfigureAwait(false);
        foreach (ObjectReference reference in moved)
        {
            state.OutputPaths[Path.GetFileName(reference.Key)] = _store.GetPath(reference);
        }

        TryDeleteFolder(WorkFolderOf(state.RunId));

        // The manifest names the policy where it now is, because its staged copy in work/ is gone. A run that failed before
        // validation hashed its inputs gets their hashes here: the extract in landing and the policy in quarantine.
        HashedObject? policy = state.Manifest.Policy;
        ObjectReference? stagedPolicy = policy?.Reference ?? state.Staged.GetValueOrDefault("policy");
        ObjectReference? movedPolicy = stagedPolicy is null
            ? null
            : moved.FirstOrDefault(reference => reference.Key == $"{state.RunId}/{stagedPolicy.Bucket}/{stagedPolicy.Key}");
        if (policy is null && movedPolicy is not null)
        {
            policy = await ObjectHashing.HashAsync(_store, movedPolicy, CancellationToken.None).ConfigureAwait(false);
        }

        state.Manifest = state.Manifest with
        {
            Outcome = isGateFailure ? RunOutcome.Quarantined : RunOutcome.Failed,
            FailureReason = $"{step}: {reason}",
            Input = await HashedInputAsync(state).ConfigureAwait(false),
            Policy = movedPolicy is null ? policy : policy! with { Reference = movedPolicy },
        };
        var manifestReference = new ObjectReference(Buckets.Quarantine, $"{state.RunId}/manifest.json");
        await FinishAsync(state, context.Metrics as ManifestMetricsSink, manifestReference, CancellationToken.None).ConfigureAwait(false);
        _audit.Append(state.RunId, isGateFailure ? "run.quarantined" : "run.failed", new JsonObject
        {
            ["step"] = step,
            ["reason"] = reason,
            ["manifest"] = manifestReference.ToString(),
        });
    }

    /// <summary>
    /// Returns the manifest's input, hashed from the landing object when validation did not get to it, or as it is when
    /// the extract never reached landing.
    /// </summary>
    private async Task<HashedObject> HashedInputAsync(RunState state)
    {
        HashedObject input = state.Manifest.Input;
        if (input.Sha256.Length > 0 || input.Reference.Key.Length == 0 || !File.Exists(_store.GetPath(input.Reference)))
        {
            return input;
        }

        return await ObjectHashing.HashAsync(_store, input.Reference, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task FinishAsync(RunState state, ManifestMetricsSink? metrics, ObjectReference manifestReference, CancellationToken cancellationToken)
    {
        state.Manifest = state.Manifest with
        {
            FinishedAt = _time.GetUtcNow(),
            Metrics = metrics?.Snapshot() ?? state.Manifest.Metrics,
        };
        byte[] json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(state.Manifest, ManifestJson.RunManifest));
        await _store.PutAsync(manifestReference, new MemoryStream(json), cancellationToken).ConfigureAwait(false);
        string manifestPath = _store.GetPath(manifestReference);
        state.OutputPaths["manifest"] = manifestPath;
        state.Result = new RunResult(state.Manifest, manifestPath, state.OutputPaths, _audit.Path);
    }

    private async Task DeleteStagedAsync(RunState state, CancellationToken cancellationToken)
    {
        foreach (ObjectReference staged in state.Staged.Values.Where(reference => reference.Bucket == Buckets.Work))
        {
            await _store.DeleteAsync(staged, cancellationToken).ConfigureAwait(false);
        }

        TryDeleteFolder(WorkFolderOf(state.RunId));
    }

    private async Task<T> StepAsync<T>(RunState state, string name, Func<Task<T>> run, Func<T, string?>? gateFailure = null)
    {
        state.CurrentStep = name;
        DateTimeOffset started = _time.GetUtcNow();
        var watch = Stopwatch.StartNew();
        _progress?.Report(new StepProgress(name, 0, 1, "step"));
        try
        {
            T result = await run().ConfigureAwait(false);
            string? failure = gateFailure?.Invoke(result);
            StepOutcome outcome = failure is null ? StepOutcome.Succeeded : StepOutcome.GateFailed;
            Record(state, name, started, watch.Elapsed, outcome, failure);
            _progress?.Report(new StepProgress(name, 1, 1, "step", failure is null ? null : StepProgress.GateFailed));
            return result;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Record(state, name, started, watch.Elapsed, StepOutcome.Failed, exception.Message, StepFailedException.CauseOf(exception));
            _progress?.Report(new StepProgress(name, 1, 1, "step", StepProgress.Failed));
            throw;
        }
    }

    private void Record(
        RunState state, string name, DateTimeOffset started, TimeSpan elapsed, StepOutcome outcome, string? message, StepFailureCause? cause = null)
    {
        state.Manifest.Steps.Add(new StepRecord(name, started, elapsed.TotalSeconds, outcome, message, cause));
        _audit.Append(state.RunId, "step." + outcome.ToString().ToLowerInvariant(), new JsonObject
        {
            ["step"] = name,
            ["seconds"] = Math.Round(elapsed.TotalSeconds, 3),
        });
    }

    private static string DescribeFailedGates(EvaluationResult evaluation) =>
        string.Join(" ", evaluation.Gates.Where(gate => !gate.Passed).Select(gate =>
            string.Create(CultureInfo.InvariantCulture, $"Gate {gate.Name} failed: {gate.Actual:0.####} is not {gate.Comparison} {gate.Threshold:0.####}.")));

    private static SynthesizerKind? ParseKind(string? name) => name is null ? null : SynthesizerNames.Parse(name);

    /// <summary>
    /// Returns the extract's file name without its data-format extensions such as <c>.csv.gz</c>. Other dots stay, so
    /// <c>cards.2024-01.csv</c> gives <c>cards-2024-01</c> and the month is kept.
    /// </summary>
    private static string DatasetNameOf(string path)
    {
        string name = Path.GetFileName(path);
        bool stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (string extension in DataExtensions)
            {
                if (name.Length > extension.Length && name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                {
                    name = name[..^extension.Length];
                    stripped = true;
                }
            }
        }

        return KeySafe(name);
    }

    /// <summary>
    /// Returns the policy's <c>dataset</c> name, so that dated extracts of one dataset share its folders, or null when
    /// there is no policy, no name, or the file cannot be read; the validate step reports a broken policy.
    /// </summary>
    private static string? PolicyDatasetName(string? policyPath)
    {
        if (policyPath is null)
        {
            return null;
        }

        try
        {
            using JsonDocument policy = JsonDocument.Parse(File.ReadAllBytes(policyPath));
            return policy.RootElement.ValueKind == JsonValueKind.Object
                && policy.RootElement.TryGetProperty("dataset", out JsonElement dataset)
                && dataset.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(dataset.GetString())
                ? KeySafe(dataset.GetString()!.Trim())
                : null;
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Replaces every character but ASCII letters, digits, '-' and '_' with '-', so the name is one key segment.</summary>
    private static string KeySafe(string name)
    {
        var cleaned = new StringBuilder(name.Length);
        foreach (char character in name)
        {
            cleaned.Append(char.IsAsciiLetterOrDigit(character) || character is '-' or '_' ? character : '-');
        }

        return cleaned.Length == 0 ? "dataset" : cleaned.ToString();
    }

    // The folder of a run's objects in the work bucket, removed whole when the run publishes, fails or is cancelled.
    private string WorkFolderOf(string runId) => Path.Combine(_store.Root, Buckets.Work, runId);

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover scratch folder is harmless because it contains no published output.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private sealed class RunState(string runId, string dataset, DateTimeOffset started)
    {
        public string RunId { get; } = runId;

        public string Dataset { get; } = dataset;

        public string? CurrentStep { get; set; }

        public Dictionary<string, ObjectReference> Staged { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> OutputPaths { get; } = new(StringComparer.Ordinal);

        public RunManifest Manifest { get; set; } = new()
        {
            RunId = runId,
            StartedAt = started,
            Input = new HashedObject(new ObjectReference("landing", "-"), string.Empty, 0),
        };

        public RunResult? Result { get; set; }
    }
}
