using System.Text.Json;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Internal;
using SyntheticData.Privacy.Operators;

namespace SyntheticData.Privacy.Policies;

/// <summary>
/// Loads dataset policies: checks the JSON against <see cref="PolicySchema"/>, then the rules the schema
/// cannot express (column references, operator parameters, phone regions, security codes dropped), and
/// reports every problem in one <see cref="PolicyException"/>.
/// </summary>
public static class PolicyReader
{
    /// <summary>Reads and validates the policy file at <paramref name="path"/>.</summary>
    /// <exception cref="PolicyException">The file is not valid JSON or not a valid policy.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static DatasetPolicy Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and validates a policy document.</summary>
    /// <param name="json">The policy text.</param>
    /// <param name="source">Where the text came from, for messages.</param>
    /// <exception cref="PolicyException">The text is not valid JSON or not a valid policy.</exception>
    public static DatasetPolicy Parse(string json, string source = "(text)")
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            // A key given twice would let the second entry override the one a reviewer reads first.
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false });
        }
        catch (JsonException exception) when (exception.LineNumber is null && DuplicateKeyOf(exception) is { } key)
        {
            // The parser reports a repeated key without its position, so the line is that of the key's second appearance.
            throw new PolicyException(
                source,
                [$"key '{key}' appears twice in one object (second time at line {SecondLineOf(json, key)}), so one column or setting would silently replace the other"]);
        }
        catch (JsonException exception)
        {
            throw new PolicyException(
                source,
                [$"not valid JSON at line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}"]);
        }

        using (document)
        {
            IReadOnlyList<string> schemaErrors = PolicySchema.Validate(document.RootElement);
            if (schemaErrors.Count > 0)
            {
                throw new PolicyException(source, schemaErrors);
            }

            DatasetPolicy policy = Map(document.RootElement);
            IReadOnlyList<string> errors = Check(policy);
            if (errors.Count > 0)
            {
                throw new PolicyException(source, errors);
            }

            return policy;
        }
    }

    // System.Text.Json words the error "Duplicate property 'name' encountered during deserialization."
    private static string? DuplicateKeyOf(JsonException exception)
    {
        System.Text.RegularExpressions.Match match = System.Text.RegularExpressions.Regex.Match(exception.Message, "^Duplicate property '(.*)' encountered");
        return match.Success ? match.Groups[1].Value : null;
    }

    private static int SecondLineOf(string json, string key)
    {
        string quoted = "\"" + key + "\"";
        int first = json.IndexOf(quoted, StringComparison.Ordinal);
        int second = first < 0 ? -1 : json.IndexOf(quoted, first + quoted.Length, StringComparison.Ordinal);
        int at = second >= 0 ? second : Math.Max(first, 0);
        return json.AsSpan(0, at).Count('\n') + 1;
    }

    /// <summary>
    /// Returns one message per rule the policy breaks that the schema cannot express; empty when valid.
    /// </summary>
    public static IReadOnlyList<string> Check(DatasetPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new List<string>();

        if (policy.DefaultPhoneRegion is not null && RegionCodes.Describe(policy.DefaultPhoneRegion) is { } regionError)
        {
            errors.Add($"defaultPhoneRegion: {regionError}");
        }

        if (policy.K < 1)
        {
            errors.Add("k must be at least 1");
        }

        // The CSV reader cannot work with these, and a letter or digit would split values and null markers such as NULL.
        if (policy.Separator is '"' or '\r' or '\n' || char.IsLetterOrDigit(policy.Separator))
        {
            errors.Add("separator must not be a quote, a line break, a letter or a digit");
        }

        foreach (string marker in policy.NullMarkers.Where(marker => marker.Contains(policy.Separator, StringComparison.Ordinal) || marker.AsSpan().ContainsAny('\r', '\n')))
        {
            errors.Add($"nullMarkers: '{marker}' contains the separator or a line break");
        }

        foreach ((string column, ColumnPolicy rule) in policy.Columns)
        {
            errors.AddRange(OperatorFactory.Validate(column, rule, policy));
            if (rule.Operator != OperatorKind.Drop && SensitiveAuthenticationData.IsSensitiveHeader(column))
            {
                errors.Add($"column '{column}': card security codes, PIN blocks and track data must use operator 'drop' (PCI DSS forbids keeping them in any form)");
            }

            if (rule.Operator == OperatorKind.DateShift
                && rule.Parameters.TryGetValue("entityColumn", out JsonElement entity)
                && entity.ValueKind == JsonValueKind.String
                && !IsReadable(policy, entity.GetString()!))
            {
                errors.Add($"column '{column}': entityColumn '{entity.GetString()}' is not a column of the policy");
            }

            if (rule.Operator == OperatorKind.DateShift
                && rule.Parameters.TryGetValue("entityColumn", out JsonElement self)
                && self.ValueKind == JsonValueKind.String
                && self.GetString() == column)
            {
                errors.Add($"column '{column}': entityColumn must name the column of the person, not the date column itself, or each date gets its own offset");
            }
        }

        CheckReferences(policy, policy.QuasiIdentifiers, "quasiIdentifiers", errors);
        CheckReferences(policy, policy.SensitiveAttributes, "sensitiveAttributes", errors);
        foreach (string column in policy.QuasiIdentifiers.Intersect(policy.SensitiveAttributes, StringComparer.Ordinal))
        {
            errors.Add($"column '{column}' is both a quasi-identifier and a sensitive attribute");
        }

        if (policy.TargetColumn is { } target && IsDropped(policy, target))
        {
            errors.Add($"targetColumn '{target}' is dropped by the policy");
        }
        else if (policy.TargetColumn is { } named && !IsReadable(policy, named))
        {
            errors.Add($"targetColumn '{named}' is not a column of the policy");
        }

        if (policy.CountryColumn is { } country && !IsReadable(policy, country))
        {
            errors.Add($"countryColumn '{country}' is not a column of the policy");
        }

        if (policy.EntityColumn is { } entityColumn && !IsReadable(policy, entityColumn))
        {
            errors.Add($"entityColumn '{entityColumn}' is not a column of the policy");
        }

        if (policy.EntityColumn is { } person && policy.QuasiIdentifiers.Contains(person, StringComparer.Ordinal))
        {
            errors.Add($"entityColumn '{person}' is also a quasi-identifier, so every class would contain one person; remove it from quasiIdentifiers");
        }

        return errors;
    }

    private static void CheckReferences(DatasetPolicy policy, IReadOnlyList<string> columns, string field, List<string> errors)
    {
        foreach (string column in columns)
        {
            if (!IsReadable(policy, column))
            {
                errors.Add($"{field}: column '{column}' is not a column of the policy");
            }
            else if (IsDropped(policy, column))
            {
                errors.Add($"{field}: column '{column}' is dropped, so it cannot be measured");
            }
        }
    }

    // A column the policy does not name may still exist in the input when unlisted columns are kept.
    private static bool IsReadable(DatasetPolicy policy, string column) =>
        policy.Columns.ContainsKey(column) || policy.UnlistedColumns == UnlistedColumnAction.Keep;

    private static bool IsDropped(DatasetPolicy policy, string column) =>
        policy.Columns.TryGetValue(column, out ColumnPolicy? rule)
            ? rule.Operator == OperatorKind.Drop
            : policy.UnlistedColumns == UnlistedColumnAction.Drop;

    private static DatasetPolicy Map(JsonElement root)
    {
        var columns = new Dictionary<string, ColumnPolicy>(StringComparer.Ordinal);
        foreach (JsonProperty column in root.GetProperty("columns").EnumerateObject())
        {
            var parameters = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (column.Value.TryGetProperty("parameters", out JsonElement parameterObject))
            {
                foreach (JsonProperty parameter in parameterObject.EnumerateObject())
                {
                    parameters[parameter.Name] = parameter.Value.Clone();
                }
            }

            columns[column.Name] = new ColumnPolicy(
                ParseEnum<OperatorKind>(column.Value.GetProperty("operator").GetString()!),
                parameters,
                column.Value.TryGetProperty("comment", out JsonElement comment) ? comment.GetString() : null);
        }

        var defaults = new DatasetPolicy();
        return new DatasetPolicy
        {
            Version = WholeNumber(root.GetProperty("version")),
            Dataset = OptionalString(root, "dataset"),
            Encoding = OptionalString(root, "encoding") ?? defaults.Encoding,
            Separator = OptionalString(root, "separator") switch
            {
                "tab" => '\t',
                { } separator => separator[0],
                null => defaults.Separator,
            },
            NullMarkers = root.TryGetProperty("nullMarkers", out JsonElement markers)
                ? markers.EnumerateArray().Select(marker => marker.GetString()!).ToArray()
                : defaults.NullMarkers,
            UnlistedColumns = OptionalString(root, "unlistedColumns") is { } unlisted
                ? ParseEnum<UnlistedColumnAction>(unlisted)
                : defaults.UnlistedColumns,
            Columns = columns,
            QuasiIdentifiers = StringArray(root, "quasiIdentifiers"),
            SensitiveAttributes = StringArray(root, "sensitiveAttributes"),
            K = root.TryGetProperty("k", out JsonElement k) ? WholeNumber(k) : defaults.K,
            EnforceK = root.TryGetProperty("enforceK", out JsonElement enforce) && enforce.GetBoolean(),
            KeyId = OptionalString(root, "keyId") ?? defaults.KeyId,
            DefaultPhoneRegion = OptionalString(root, "defaultPhoneRegion"),
            CountryColumn = OptionalString(root, "countryColumn"),
            TargetColumn = OptionalString(root, "targetColumn"),
            EntityColumn = OptionalString(root, "entityColumn"),
            Comment = OptionalString(root, "comment"),
            Synthesis = root.TryGetProperty("synthesis", out JsonElement synthesis) ? synthesis.Clone() : null,
            Gates = root.TryGetProperty("gates", out JsonElement gates) ? gates.Clone() : null,
        };
    }

    // JSON Schema counts 5.0 as an integer, so the schema lets it through; the schema's maximum keeps it within int.
    private static int WholeNumber(JsonElement element) =>
        element.TryGetInt32(out int value) ? value : (int)element.GetDouble();

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) ? value.GetString() : null;

    private static string[] StringArray(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value)
            ? value.EnumerateArray().Select(item => item.GetString()!).ToArray()
            : [];

    private static TEnum ParseEnum<TEnum>(string jsonName)
        where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(jsonName, ignoreCase: true);
}
