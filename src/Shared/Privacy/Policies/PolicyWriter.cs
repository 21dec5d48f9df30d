using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SyntheticData.Privacy.Internal;

namespace SyntheticData.Privacy.Policies;

/// <summary>
/// Writes a dataset policy as indented JSON in the layout <see cref="PolicyReader"/> reads, with the
/// columns in the order given and each column's comment beside its operator.
/// </summary>
public static class PolicyWriter
{
    /// <summary>Returns the policy as JSON text.</summary>
    public static string ToJson(DatasetPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            Write(writer, policy);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Write(Utf8JsonWriter writer, DatasetPolicy policy)
    {
        writer.WriteStartObject();
        writer.WriteNumber("version", policy.Version);
        WriteOptional(writer, "dataset", policy.Dataset);
        WriteOptional(writer, "comment", policy.Comment);
        writer.WriteString("encoding", policy.Encoding);
        writer.WriteString("separator", policy.Separator.ToString());
        WriteStrings(writer, "nullMarkers", policy.NullMarkers);
        writer.WriteString("unlistedColumns", PolicyNames.ToJsonName(policy.UnlistedColumns));
        writer.WriteString("keyId", policy.KeyId);
        WriteOptional(writer, "defaultPhoneRegion", policy.DefaultPhoneRegion);
        WriteOptional(writer, "countryColumn", policy.CountryColumn);
        WriteOptional(writer, "targetColumn", policy.TargetColumn);
        WriteOptional(writer, "entityColumn", policy.EntityColumn);

        writer.WriteStartObject("columns");
        foreach ((string name, ColumnPolicy column) in policy.Columns)
        {
            writer.WriteStartObject(name);
            writer.WriteString("operator", PolicyNames.ToJsonName(column.Operator));
            if (column.Parameters.Count > 0)
            {
                writer.WriteStartObject("parameters");
                foreach ((string parameter, JsonElement value) in column.Parameters)
                {
                    writer.WritePropertyName(parameter);
                    value.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            WriteOptional(writer, "comment", column.Comment);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        WriteStrings(writer, "quasiIdentifiers", policy.QuasiIdentifiers);
        WriteStrings(writer, "sensitiveAttributes", policy.SensitiveAttributes);
        writer.WriteNumber("k", policy.K);
        writer.WriteBoolean("enforceK", policy.EnforceK);
        if (policy.Synthesis is { } synthesis)
        {
            writer.WritePropertyName("synthesis");
            synthesis.WriteTo(writer);
        }

        if (policy.Gates is { } gates)
        {
            writer.WritePropertyName("gates");
            gates.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
