using SyntheticData.Privacy.Operators;
using SyntheticData.Privacy.Risk;
using SyntheticData.Tabular;

namespace SyntheticData.Privacy.Anonymization;

/// <summary>
/// Streams records through an <see cref="AnonymizationPlan"/>: each value gets its column's operator,
/// missing values are written unchanged, and the output's equivalence classes are counted as records go
/// by, so memory does not grow with the number of records. When the policy enforces k, a first pass
/// measures the classes and the second suppresses the quasi-identifiers (to <c>*</c>) of records in
/// classes below k.
/// </summary>
public sealed class DatasetAnonymizer
{
    /// <summary>The text written in place of a suppressed quasi-identifier.</summary>
    public const string SuppressedValue = "*";

    private const int ProgressInterval = 4096;

    private readonly AnonymizationPlan _plan;

    /// <summary>Creates an anonymizer for one plan.</summary>
    public DatasetAnonymizer(AnonymizationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _plan = plan;
    }

    /// <summary>
    /// The folder for the temporary files of the class counting, which an extract needs when its equivalence classes do
    /// not fit in memory, or null for the system's temporary folder. The output's folder suits, because the files contain
    /// hashes of the output's values.
    /// </summary>
    public string? WorkFolder { get; init; }

    /// <summary>Anonymizes every record of the input into <paramref name="output"/>; the caller commits the output.</summary>
    /// <param name="openInput">Opens the input from its start; called twice when k is enforced.</param>
    /// <param name="output">The writer, created with <see cref="AnonymizationPlan.OutputHeader"/>.</param>
    /// <param name="progress">Receives the input bytes read so far, every few thousand records.</param>
    /// <param name="cancellationToken">Stops the run between records.</param>
    /// <exception cref="DataFormatException">A record is malformed, or the input header differs from the plan's.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public AnonymizationSummary Run(
        Func<IRecordReader> openInput,
        IRecordWriter output,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(openInput);
        ArgumentNullException.ThrowIfNull(output);
        if (!output.Header.SequenceEqual(_plan.OutputHeader, StringComparer.Ordinal))
        {
            throw new ArgumentException("The writer's header is not the plan's output header.", nameof(output));
        }

        bool measure = _plan.QuasiIdentifierOutputIndexes.Count > 0;
        RiskReport? before = null;
        SmallClassSet? smallClasses = null;
        if (measure && _plan.Policy.EnforceK)
        {
            using EquivalenceClassCounter first = NewCounter();
            using (IRecordReader reader = openInput())
            {
                Pass(reader, writer: null, first, smallClasses: null, progress, cancellationToken);
            }

            before = Report(first);
            smallClasses = first.ClassesBelow(_plan.Policy.K);
        }

        using EquivalenceClassCounter counter = NewCounter();
        var statistics = _plan.Columns.Select(_ => new ColumnStatistics()).ToArray();
        // A CSV output's text is hashed as it is written, so its protected cells need no hash of their own.
        WrittenCellCheck? check = _plan.CleanTexts is { } cleanTexts
            ? new WrittenCellCheck(cleanTexts, _plan, hashCells: output is not CsvRecordWriter)
            : null;
        long suppressed;
        long records;
        bool positionsAreRecords;
        try
        {
            using IRecordReader reader = openInput();
            positionsAreRecords = reader is ParquetRecordReader;
            (records, suppressed) = Pass(reader, output, counter, smallClasses, progress, cancellationToken, statistics, check);
        }
        finally
        {
            // The operators' caches can take tens of megabytes, and the rescan after a run needs that memory more.
            foreach (PlannedColumn column in _plan.Columns)
            {
                column.Operator?.ReleaseCaches();
            }

            _plan.CleanTexts?.Release();
        }

        return new AnonymizationSummary
        {
            Records = records,
            PositionsAreRecords = positionsAreRecords,
            Columns = _plan.Columns.Select((column, i) => KeyValuePair.Create(column.Name, statistics[i])).ToArray(),
            Risk = measure ? Report(counter) : null,
            RiskBeforeEnforcement = before,
            SuppressedToReachK = suppressed,
            Verification = check?.ToVerification(records),
        };
    }

    private EquivalenceClassCounter NewCounter() =>
        new(_plan.QuasiIdentifierOutputIndexes.Count, _plan.SensitiveOutputIndexes.Count, countsEntities: _plan.EntityInputIndex >= 0, WorkFolder);

    private RiskReport Report(EquivalenceClassCounter counter) =>
        counter.Report(_plan.Policy.K, _plan.Policy.SensitiveAttributes) with { EntityColumn = _plan.Policy.EntityColumn };

    private (long Records, long Suppressed) Pass(
        IRecordReader reader,
        IRecordWriter? writer,
        EquivalenceClassCounter counter,
        SmallClassSet? smallClasses,
        IProgress<long>? progress,
        CancellationToken cancellationToken,
        ColumnStatistics[]? statistics = null,
        WrittenCellCheck? check = null)
    {
        CheckHeader(reader);
        // Arrays, because a foreach over the plan's lists would allocate an enumerator per record.
        PlannedColumn[] columns = [.. _plan.Columns];
        int[] quasiIdentifierOutputs = [.. _plan.QuasiIdentifierOutputIndexes];
        int[] sensitiveOutputs = [.. _plan.SensitiveOutputIndexes];
        int outputCount = _plan.OutputHeader.Count;
        var values = new string?[outputCount];
        var rawNull = new bool[outputCount];
        var checkedOutput = new bool[outputCount];
        var inputIndex = new int[outputCount];
        var quasiIdentifiers = new string?[_plan.QuasiIdentifierOutputIndexes.Count];
        var sensitive = new string?[_plan.SensitiveOutputIndexes.Count];
        var inputCells = new LazyCells(reader);
        var row = new RowContext { Cells = inputCells };
        string? defaultRegion = _plan.Policy.DefaultPhoneRegion;
        Policies.ValueKind entityKind = _plan.EntityKind;
        var csvReader = reader as CsvRecordReader;
        var csvWriter = writer as CsvRecordWriter;

        // Only the values that are measured must be read into strings during the measuring pass.
        bool[] needed = new bool[outputCount];
        foreach (int index in _plan.QuasiIdentifierOutputIndexes.Concat(_plan.SensitiveOutputIndexes))
        {
            needed[index] = true;
        }

        // From CSV to CSV with one separator, kept columns go out as the reader saw them, runs of them at once.
        WriteStep[]? steps = csvReader is not null && csvWriter is not null && csvReader.Separator == csvWriter.Separator
            ? PlanWrite(columns, needed, outputCount)
            : null;

        // Columns whose operators look their cache up: their entries are requested for the whole row first, so
        // that the waits for main memory overlap instead of adding up.
        PlannedColumn[] prefetched = writer is null
            ? []
            : columns.Where(c => c.OutputIndex >= 0 && c.Operator is { Prefetches: true }).ToArray();

        // The cache key that the prefetch computed for each output column's cell of this row, valid where the flag is set.
        var cacheKeys = new UInt128[outputCount];
        var hasCacheKey = new bool[outputCount];

        // Cached outputs bound for a CSV writer are copied here instead of into strings, one region per output column.
        var copied = new CopiedOutputs(outputCount);

        long records = 0;
        long suppressed = 0;
        while (reader.ReadNext())
        {
            records++;
            if ((records & (ProgressInterval - 1)) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(reader.BytesRead);
            }

            inputCells.Reset();
            row.Line = reader.LineNumber;
            row.PhoneRegion = _plan.CountryInputIndex >= 0
                ? Detection.RegionCodes.Normalize(reader.GetSpan(_plan.CountryInputIndex)) ?? defaultRegion
                : defaultRegion;

            foreach (PlannedColumn column in prefetched)
            {
                int o = column.OutputIndex;
                hasCacheKey[o] = TryGetCell(reader, csvReader, column.InputIndex, out ReadOnlySpan<char> cell);
                if (hasCacheKey[o])
                {
                    cacheKeys[o] = column.Operator!.Prefetch(cell, row);
                }
            }

            foreach (PlannedColumn column in columns)
            {
                int o = column.OutputIndex;
                if (o < 0 || (writer is null && !needed[o]))
                {
                    continue;
                }

                int i = column.InputIndex;
                inputIndex[o] = i;
                rawNull[o] = false;
                checkedOutput[o] = false;
                copied.Length[o] = -1;
                bool present = TryGetCell(reader, csvReader, i, out ReadOnlySpan<char> cell);
                if (!present || cell.IsWhiteSpace())
                {
                    // Missing values and blank text stay as they are; hashing them would link unrelated rows.
                    statistics?[i].CountMissing();
                    rawNull[o] = !present;
                    values[o] = present ? new string(cell) : null;
                    continue;
                }

                if (column.Kind == Policies.OperatorKind.Keep && csvWriter is not null && !needed[o])
                {
                    // Copied from the reader's buffer at write time, without a string per cell.
                    values[o] = null;
                    statistics?[i].CountTransformed();
                    continue;
                }

                bool missedCache = false;
                if (hasCacheKey[o] && csvWriter is not null && !needed[o])
                {
                    if (column.Operator!.TryCopyCached(cacheKeys[o], copied.Region(o), out int copiedLength))
                    {
                        copied.Length[o] = copiedLength;
                        values[o] = null;
                        checkedOutput[o] = column.Operator.LastOutputChecked;
                        statistics?[i].CountTransformed();
                        continue;
                    }

                    missedCache = true;
                }

                // After a miss the operator does not search its cache again, so each cell counts once in the hit share.
                string transformed;
                bool applied;
                if (missedCache)
                {
                    applied = column.Operator!.TryApplyUncached(cell, row, cacheKeys[o], out transformed);
                }
                else if (hasCacheKey[o])
                {
                    applied = column.Operator!.TryApply(cell, row, cacheKeys[o], out transformed);
                }
                else
                {
                    applied = column.Operator!.TryApply(cell, row, out transformed);
                }

                if (applied)
                {
                    values[o] = transformed;
                    checkedOutput[o] = column.Operator.LastOutputChecked;
                    statistics?[i].CountTransformed();
                }
                else
                {
                    values[o] = null;
                    rawNull[o] = false;
                    statistics?[i].CountInvalid(row.Line);
                }
            }

            if (quasiIdentifiers.Length > 0)
            {
                Gather(values, quasiIdentifierOutputs, quasiIdentifiers);
                if (smallClasses is not null && smallClasses.Contains(counter.KeyOf(quasiIdentifiers), records - 1))
                {
                    foreach (int index in quasiIdentifierOutputs)
                    {
                        values[index] = SuppressedValue;
                        rawNull[index] = false;
                        checkedOutput[index] = false;
                    }

                    Gather(values, quasiIdentifierOutputs, quasiIdentifiers);
                    suppressed++;
                }

                Gather(values, sensitiveOutputs, sensitive);
                counter.Add(quasiIdentifiers, sensitive, EntityOf(inputCells, entityKind, row.PhoneRegion));
            }

            check?.Add(values, rawNull, checkedOutput, copied);
            if (steps is not null)
            {
                WriteSteps(steps, csvWriter!, csvReader!, values, rawNull, inputIndex, columns, copied);
            }
            else if (writer is not null)
            {
                Write(writer, csvWriter, csvReader, reader, values, rawNull, inputIndex, columns, copied);
            }
        }

        progress?.Report(reader.BytesRead);
        return (records, suppressed);
    }

    /// <summary>
    /// Reads a cell as <see cref="IRecordReader.TryGetSpan"/> does, through the CSV reader's own method when there is one.
    /// A call on the sealed class needs no interface dispatch, and the pass makes one or two per cell.
    /// </summary>
    private static bool TryGetCell(IRecordReader reader, CsvRecordReader? csvReader, int index, out ReadOnlySpan<char> value) =>
        csvReader is not null ? csvReader.TryGetSpan(index, out value) : reader.TryGetSpan(index, out value);

    /// <summary>
    /// Returns the record's person id, normalised as the entity column's pseudonym normalises it, or null when classes
    /// count records or the id is missing or blank.
    /// </summary>
    private string? EntityOf(LazyCells cells, Policies.ValueKind kind, string? phoneRegion) =>
        _plan.EntityInputIndex < 0 || cells[_plan.EntityInputIndex] is not { } entity || string.IsNullOrWhiteSpace(entity)
            ? null
            : Crypto.ValueNormalizer.Normalize(entity, kind, phoneRegion);

    private void CheckHeader(IRecordReader reader)
    {
        if (reader.Header.Count != _plan.Columns.Count
            || !_plan.Columns.Select(c => c.Name).SequenceEqual(reader.Header, StringComparer.Ordinal))
        {
            throw new DataFormatException(
                reader.SourceName,
                "the header differs from the one the anonymization plan was made for",
                lineNumber: 1);
        }
    }

    private static void Gather(string?[] values, int[] indexes, string?[] target)
    {
        for (int i = 0; i < indexes.Length; i++)
        {
            target[i] = values[indexes[i]];
        }
    }

    /// <summary>
    /// Returns the output record as steps in output order: a run of kept columns that are adjacent in both input
    /// and output, copied as one raw slice, or a single column. Null when the output order does not follow the input.
    /// </summary>
    private static WriteStep[]? PlanWrite(PlannedColumn[] columns, bool[] needed, int outputCount)
    {
        var steps = new List<WriteStep>(outputCount);
        int expectedOutput = 0;
        foreach (PlannedColumn column in columns)
        {
            int o = column.OutputIndex;
            if (o < 0)
            {
                continue;
            }

            if (o != expectedOutput++)
            {
                return null;
            }

            bool raw = column.Kind == Policies.OperatorKind.Keep && !needed[o];
            if (raw && steps.Count > 0 && steps[^1] is { IsRawRun: true } previous && previous.LastInput == column.InputIndex - 1)
            {
                steps[^1] = previous with { LastInput = column.InputIndex };
            }
            else
            {
                steps.Add(new WriteStep(raw, column.InputIndex, column.InputIndex, o));
            }
        }

        return [.. steps];
    }

    private static void WriteSteps(
        WriteStep[] steps,
        CsvRecordWriter csvWriter,
        CsvRecordReader csvReader,
        string?[] values,
        bool[] rawNull,
        int[] inputIndex,
        PlannedColumn[] columns,
        CopiedOutputs copied)
    {
        foreach (WriteStep step in steps)
        {
            if (step.IsRawRun)
            {
                csvWriter.WriteRawFields(csvReader.GetRawSpan(step.FirstInput, step.LastInput), step.LastInput - step.FirstInput + 1);
            }
            else
            {
                WriteField(csvWriter, csvReader, csvReader, values, rawNull, inputIndex, columns, copied, step.Output);
            }
        }

        csvWriter.EndRecord();
    }

    private static void Write(
        IRecordWriter writer,
        CsvRecordWriter? csvWriter,
        CsvRecordReader? csvReader,
        IRecordReader reader,
        string?[] values,
        bool[] rawNull,
        int[] inputIndex,
        PlannedColumn[] columns,
        CopiedOutputs copied)
    {
        if (csvWriter is null)
        {
            for (int o = 0; o < values.Length; o++)
            {
                if (values[o] is null && !rawNull[o] && columns[inputIndex[o]].Kind == Policies.OperatorKind.Keep)
                {
                    values[o] = reader.GetString(inputIndex[o]);
                }
            }

            writer.WriteRecord(values);
            return;
        }

        for (int o = 0; o < values.Length; o++)
        {
            WriteField(csvWriter, csvReader, reader, values, rawNull, inputIndex, columns, copied, o);
        }

        csvWriter.EndRecord();
    }

    private static void WriteField(
        CsvRecordWriter csvWriter,
        CsvRecordReader? csvReader,
        IRecordReader reader,
        string?[] values,
        bool[] rawNull,
        int[] inputIndex,
        PlannedColumn[] columns,
        CopiedOutputs copied,
        int o)
    {
        int i = inputIndex[o];
        if (copied.Length[o] >= 0)
        {
            csvWriter.WriteField(copied.Output(o));
        }
        else if (rawNull[o])
        {
            // The null marker goes out exactly as it came in (NULL, \N, "" or the empty field).
            if (csvReader is not null)
            {
                csvWriter.WriteRawField(csvReader.GetRawSpan(i));
            }
            else
            {
                csvWriter.WriteNull();
            }
        }
        else if (values[o] is { } value)
        {
            csvWriter.WriteField(value);
        }
        else if (columns[i].Kind == Policies.OperatorKind.Keep && !reader.IsNull(i))
        {
            csvWriter.WriteField(reader.GetSpan(i));
        }
        else
        {
            csvWriter.WriteNull();
        }
    }

    /// <summary>
    /// Checks each protected cell as it is written, through the memo of clean texts. With <c>hashCells</c> it also hashes
    /// the cells in output order, so the rescan can confirm the file by reading it back. A CSV writer hashes its whole
    /// text instead.
    /// </summary>
    private sealed class WrittenCellCheck(CleanTextMemo cleanTexts, AnonymizationPlan plan, bool hashCells)
    {
        private readonly int[] _protectedOutputs = plan.Columns
            .Where(c => c.OutputIndex >= 0 && c.IsProtected)
            .Select(c => c.OutputIndex)
            .Order()
            .ToArray();

        private readonly ProtectedCellDigest? _digest = hashCells ? new() : null;
        private long _cells;
        private bool _clean = true;

        /// <summary>
        /// Adds the protected cells of one output record, as the writers write them: null when raw null or missing. A cell
        /// that its operator already checked with the same scanner is not checked again.
        /// </summary>
        public void Add(string?[] values, bool[] rawNull, bool[] checkedOutput, CopiedOutputs copied)
        {
            foreach (int o in _protectedOutputs)
            {
                bool isCopied = copied.Length[o] >= 0;
                bool isNull = !isCopied && (rawNull[o] || values[o] is null);
                ReadOnlySpan<char> value = default;
                if (isCopied)
                {
                    value = copied.Output(o);
                }
                else if (!isNull)
                {
                    value = values[o];
                }

                _digest?.Add(o, value, isNull);
                _cells++;
                if (!isNull && !checkedOutput[o] && _clean && !cleanTexts.IsClean(value))
                {
                    _clean = false;
                }
            }
        }

        public OutputVerification ToVerification(long records) => new(_clean, records, _cells, _digest?.Value);
    }

    /// <summary>The cached outputs of one record that were copied instead of made into strings, one region per output column.</summary>
    private sealed class CopiedOutputs(int outputCount)
    {
        private const int RegionLength = ColumnOperator.MaximumCopiedOutputLength;

        private readonly char[] _chars = new char[outputCount * RegionLength];

        /// <summary>Per output column, the length of its copied output, or -1 when its output is not here.</summary>
        public int[] Length { get; } = Enumerable.Repeat(-1, outputCount).ToArray();

        /// <summary>Returns the region that receives the output of column <paramref name="output"/>.</summary>
        public Span<char> Region(int output) => _chars.AsSpan(output * RegionLength, RegionLength);

        /// <summary>Returns the copied output of column <paramref name="output"/>.</summary>
        public ReadOnlySpan<char> Output(int output) => _chars.AsSpan(output * RegionLength, Length[output]);
    }

    /// <summary>One step of writing a CSV record: a raw run of input fields, or the single output column <see cref="Output"/>.</summary>
    private readonly record struct WriteStep(bool IsRawRun, int FirstInput, int LastInput, int Output);

    /// <summary>The current record's cells, read into strings only when an operator asks for them.</summary>
    private sealed class LazyCells(IRecordReader reader) : IReadOnlyList<string?>
    {
        private readonly string?[] _cells = new string?[reader.FieldCount];
        private readonly bool[] _loaded = new bool[reader.FieldCount];

        public int Count => _cells.Length;

        public string? this[int index]
        {
            get
            {
                if (!_loaded[index])
                {
                    _cells[index] = reader.GetString(index);
                    _loaded[index] = true;
                }

                return _cells[index];
            }
        }

        public void Reset() => Array.Clear(_loaded);

        public IEnumerator<string?> GetEnumerator()
        {
            for (int i = 0; i < _cells.Length; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
