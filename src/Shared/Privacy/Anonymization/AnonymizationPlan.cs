using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Internal;
using SyntheticData.Privacy.Operators;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Anonymization;

/// <summary>
/// A policy applied to one input header: the operator of every column, the output header (input order,
/// dropped columns left out, names byte-for-byte unchanged) and the positions of the quasi-identifiers
/// and sensitive attributes. Creating a plan fails closed: an input column the policy does not cover
/// rejects the whole input. A plan, its operators and their caches serve one run at a time.
/// </summary>
public sealed class AnonymizationPlan
{
    private AnonymizationPlan(
        DatasetPolicy policy,
        KeyMaterial key,
        IReadOnlyList<PlannedColumn> columns,
        IReadOnlyList<string> outputHeader,
        int[] quasiIdentifierOutputs,
        int[] sensitiveOutputs,
        int countryInput,
        int entityInput,
        IReadOnlyList<string> missingPolicyColumns)
    {
        Policy = policy;
        Key = key;
        Columns = columns;
        OutputHeader = outputHeader;
        QuasiIdentifierOutputIndexes = quasiIdentifierOutputs;
        SensitiveOutputIndexes = sensitiveOutputs;
        CountryInputIndex = countryInput;
        EntityInputIndex = entityInput;
        MissingPolicyColumns = missingPolicyColumns;
    }

    /// <summary>The policy the plan applies.</summary>
    public DatasetPolicy Policy { get; }

    /// <summary>The key version of the operators; reports record its id and version, never its bytes.</summary>
    public KeyMaterial Key { get; }

    /// <summary>Every input column in input order.</summary>
    public IReadOnlyList<PlannedColumn> Columns { get; }

    /// <summary>The output column names.</summary>
    public IReadOnlyList<string> OutputHeader { get; }

    /// <summary>Output positions of the quasi-identifiers, in policy order.</summary>
    public IReadOnlyList<int> QuasiIdentifierOutputIndexes { get; }

    /// <summary>Output positions of the sensitive attributes, in policy order.</summary>
    public IReadOnlyList<int> SensitiveOutputIndexes { get; }

    /// <summary>Input position of the country column that sets each row's phone region, or -1.</summary>
    public int CountryInputIndex { get; }

    /// <summary>Input position of the column naming each record's person, or -1 when classes count records.</summary>
    public int EntityInputIndex { get; }

    /// <summary>
    /// How the entity column's values are normalised before people are counted: its pseudonym kind, so that spellings its
    /// pseudonyms merge (the cases of one e-mail address) count as one person, as they read in the output. Generic for
    /// another operator.
    /// </summary>
    internal Policies.ValueKind EntityKind =>
        EntityInputIndex >= 0 && Columns[EntityInputIndex].Operator is Operators.PseudonymOperator pseudonym
            ? pseudonym.ValueKind
            : Policies.ValueKind.Generic;

    /// <summary>Columns the policy names that the input does not have.</summary>
    public IReadOnlyList<string> MissingPolicyColumns { get; }

    /// <summary>
    /// The memo of clean texts for the check of written cells; null when the plan was created without a
    /// <see cref="TextScanner"/>, and then the rescan scans every protected cell.
    /// </summary>
    internal CleanTextMemo? CleanTexts { get; private set; }

    /// <summary>
    /// The <see cref="PolicyException.Source"/> of the errors found by checking a policy against an input header. The plan
    /// does not know the policy's file, so callers that do can name it in the message instead.
    /// </summary>
    public const string HeaderCheckSource = "(policy applied to the input header)";

    /// <summary>
    /// Creates the plan of <paramref name="policy"/> for an input with <paramref name="header"/>, with
    /// <paramref name="scanner"/> finding the spans that redact replaces and checking that new tokens and written protected
    /// cells are not detectable.
    /// </summary>
    /// <exception cref="PolicyException">
    /// A column is not covered (with <c>unlistedColumns: fail</c>), or a column the policy measures or reads is missing.
    /// </exception>
    public static AnonymizationPlan Create(DatasetPolicy policy, IReadOnlyList<string> header, KeyMaterial key, TextScanner scanner)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        var cleanTexts = new CleanTextMemo(scanner);

        // A new token is checked once, when its operator makes it, and the operator's cache then keeps it, so the memo
        // would almost never have seen it: a lookup there would only wait for memory. The scanner checks it directly.
        AnonymizationPlan plan = Create(
            policy,
            header,
            key,
            (text, region) => scanner.Scan(text, region, includeUnvalidated: false),
            token => scanner.ContainsValidated(token));
        plan.CleanTexts = cleanTexts;
        return plan;
    }

    /// <summary>Creates the plan of <paramref name="policy"/> for an input with <paramref name="header"/>.</summary>
    /// <param name="policy">A policy checked by <see cref="PolicyReader"/>.</param>
    /// <param name="header">The input column names.</param>
    /// <param name="key">The key version named by the policy.</param>
    /// <param name="textScan">Returns the merged findings in free text; required when a column uses redact.</param>
    /// <param name="isDetectable">
    /// Returns true when a rescan would report personal data in a new token. When null, <paramref name="textScan"/> decides.
    /// </param>
    /// <exception cref="PolicyException">
    /// A column is not covered (with <c>unlistedColumns: fail</c>), or a column the policy measures or reads is missing.
    /// </exception>
    public static AnonymizationPlan Create(
        DatasetPolicy policy,
        IReadOnlyList<string> header,
        KeyMaterial key,
        Func<string, string?, IReadOnlyList<PiiSpan>>? textScan = null,
        Func<string, bool>? isDetectable = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(header);
        if (!string.Equals(key.KeyId, policy.KeyId, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The policy names key '{policy.KeyId}' but key '{key.KeyId}' was given.", nameof(key));
        }

        var factory = new OperatorFactory(key, textScan, isDetectable);
        var errors = new List<string>();
        var columns = new List<PlannedColumn>(header.Count);
        var outputHeader = new List<string>(header.Count);
        for (int index = 0; index < header.Count; index++)
        {
            string name = header[index];
            (ColumnPolicy? rule, ColumnTreatment treatment) = Choose(policy, name);
            if (rule is null)
            {
                errors.Add(header.Count == 1 && OtherSeparatorIn(name, policy.Separator) is { } other
                    ? $"the input's header reads as one column whose name contains {other}, which the policy does not name; if that is the field separator, set the policy's \"separator\" to {(other == "a tab" ? "\"tab\"" : other)}"
                    : $"input column '{name}' (position {index + 1}) is not named by the policy; add it to 'columns', or set 'unlistedColumns' to drop or keep");
                continue;
            }

            ColumnOperator? created = null;
            try
            {
                created = factory.Create(name, rule, policy, header);
            }
            catch (PolicyException exception)
            {
                errors.AddRange(exception.Errors);
            }

            int outputIndex = rule.Operator == OperatorKind.Drop ? -1 : outputHeader.Count;
            if (outputIndex >= 0)
            {
                outputHeader.Add(name);
            }

            columns.Add(new PlannedColumn(name, index, outputIndex, rule.Operator, created, treatment));
        }

        int[] quasiIdentifiers = OutputIndexes(policy.QuasiIdentifiers, "quasi-identifier", columns, errors);
        int[] sensitive = OutputIndexes(policy.SensitiveAttributes, "sensitive attribute", columns, errors);
        int country = -1;
        if (policy.CountryColumn is { } countryColumn)
        {
            country = IndexOf(header, countryColumn);
            if (country < 0)
            {
                errors.Add($"countryColumn '{countryColumn}' is not in the input");
            }
        }

        int entity = -1;
        if (policy.EntityColumn is { } entityColumn)
        {
            entity = IndexOf(header, entityColumn);
            if (entity < 0)
            {
                errors.Add($"entityColumn '{entityColumn}' is not in the input");
            }
        }

        if (errors.Count > 0)
        {
            throw new PolicyException(HeaderCheckSource, errors);
        }

        LinkRedactedText(columns, policy);
        FitCachesInBudget(columns);
        string[] missing = policy.Columns.Keys.Where(name => IndexOf(header, name) < 0).ToArray();
        return new AnonymizationPlan(policy, key, columns, outputHeader, quasiIdentifiers, sensitive, country, entity, missing);
    }

    /// <summary>
    /// The bytes that the caches of all columns may take together. The five protected columns of the benchmark need
    /// 48 MB; a policy that caches eight or more columns would otherwise pass the 200 MB memory target on large extracts.
    /// </summary>
    public const long CacheBudgetBytes = 64L << 20;

    // Halves the largest cache until all fit the budget, so that small caches keep their full size.
    private static void FitCachesInBudget(List<PlannedColumn> columns)
    {
        ColumnOperator[] cached = [.. columns.Select(column => column.Operator).OfType<ColumnOperator>().Where(op => op.MaximumCacheBytes > 0)];
        while (cached.Sum(op => op.MaximumCacheBytes) > CacheBudgetBytes)
        {
            ColumnOperator largest = cached.MaxBy(op => op.MaximumCacheBytes)!;
            long before = largest.MaximumCacheBytes;
            largest.LimitCache(0.5);
            if (largest.MaximumCacheBytes >= before)
            {
                // A cache of one bucket cannot shrink further, so the budget cannot be met; the caches stay as small as they go.
                return;
            }
        }
    }

    // Each redacted column also removes the row's values of the columns the policy protects, since a note that repeats a
    // protected name would otherwise keep it in clear. Kept and other redacted columns are not linked.
    private static void LinkRedactedText(List<PlannedColumn> columns, DatasetPolicy policy)
    {
        RedactOperator[] redacted = [.. columns.Select(column => column.Operator).OfType<RedactOperator>()];
        if (redacted.Length == 0)
        {
            return;
        }

        LinkedColumn[] linked =
        [
            .. columns
                .Where(column => column.Kind is not (OperatorKind.Keep or OperatorKind.Redact))
                .Select(column => LinkOf(column, policy)),
        ];
        foreach (RedactOperator text in redacted)
        {
            text.Link(linked);
        }
    }

    // A mention is normalised as its column's pseudonyms are, so that the replacement pseudonym equals the column's.
    private static LinkedColumn LinkOf(PlannedColumn column, DatasetPolicy policy)
    {
        bool name = IsNameColumn(column.Name, policy);
        // Token columns match as their tokens read them, digit groups joined, so acct # 9224 105298 is a mention of 9224105298.
        // A dropped or masked column has no kind of its own, so its header gives one: its phone number, date of birth or
        // account then matches in other layouts as a pseudonymized one does.
        PiiKind? hinted = Detection.Internal.HeaderHints.Match(column.Name)?.Kind;
        ValueKind kind = column.Operator switch
        {
            PseudonymOperator pseudonym => pseudonym.ValueKind,
            TokenOperator { TokenKind: TokenKind.Card } => ValueKind.Card,
            TokenOperator { TokenKind: TokenKind.Iban } => ValueKind.Iban,
            TokenOperator => ValueKind.Identifier,
            _ when name => ValueKind.Name,
            _ => hinted switch
            {
                PiiKind.Phone => ValueKind.Phone,
                PiiKind.CardNumber => ValueKind.Card,
                PiiKind.Iban => ValueKind.Iban,
                PiiKind.AccountNumber or PiiKind.Identifier or PiiKind.Ssn => ValueKind.Identifier,
                PiiKind.Email => ValueKind.Email,
                _ => ValueKind.Generic,
            },
        };
        DateFormats? dates = column.Operator switch
        {
            GeneralizeOperator generalize => generalize.Dates,
            DateShiftOperator shift => shift.Dates,
            _ when hinted == PiiKind.DateOfBirth => new DateFormats(DateFormats.Default),
            _ => null,
        };
        return new LinkedColumn(column.InputIndex, LinkedColumn.LabelOf(column.Name), name, kind, dates);
    }

    private static bool IsNameColumn(string name, DatasetPolicy policy) =>
        Detection.Internal.HeaderHints.Match(name)?.Kind == PiiKind.PersonName
        || (policy.Columns.TryGetValue(name, out ColumnPolicy? rule)
            && rule.Parameters.TryGetValue("kind", out System.Text.Json.JsonElement kind)
            && kind.ValueKind == System.Text.Json.JsonValueKind.String
            && string.Equals(kind.GetString(), "name", StringComparison.Ordinal));

    // Names the separator other than the policy's that a one-column header contains: "a tab", "';'" or "'|'", or null.
    private static string? OtherSeparatorIn(string name, char separator)
    {
        foreach (char candidate in "\t;|")
        {
            if (candidate != separator && name.Contains(candidate, StringComparison.Ordinal))
            {
                return candidate == '\t' ? "a tab" : $"'{candidate}'";
            }
        }

        return null;
    }

    private static (ColumnPolicy? Rule, ColumnTreatment Treatment) Choose(DatasetPolicy policy, string name)
    {
        if (SensitiveAuthenticationData.IsSensitiveHeader(name))
        {
            return (new ColumnPolicy(OperatorKind.Drop, "card security code or track data"), ColumnTreatment.ForcedDrop);
        }

        if (policy.Columns.TryGetValue(name, out ColumnPolicy? listed))
        {
            return (listed, ColumnTreatment.Listed);
        }

        return policy.UnlistedColumns switch
        {
            UnlistedColumnAction.Drop => (new ColumnPolicy(OperatorKind.Drop), ColumnTreatment.Unlisted),
            UnlistedColumnAction.Keep => (new ColumnPolicy(OperatorKind.Keep), ColumnTreatment.Unlisted),
            _ => (null, ColumnTreatment.Unlisted),
        };
    }

    private static int[] OutputIndexes(
        IReadOnlyList<string> names, string role, List<PlannedColumn> columns, List<string> errors)
    {
        var indexes = new int[names.Count];
        for (int i = 0; i < names.Count; i++)
        {
            PlannedColumn? column = columns.FirstOrDefault(c => string.Equals(c.Name, names[i], StringComparison.Ordinal));
            if (column is null)
            {
                errors.Add($"{role} '{names[i]}' is not in the input");
            }
            else if (column.OutputIndex < 0)
            {
                errors.Add($"{role} '{names[i]}' is dropped, so it cannot be measured");
            }
            else
            {
                indexes[i] = column.OutputIndex;
            }
        }

        return indexes;
    }

    private static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (int i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
