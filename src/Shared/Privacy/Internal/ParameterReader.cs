using System.Globalization;
using System.Text.Json;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Internal;

/// <summary>
/// Reads typed operator parameters from a column policy and collects a message for each invalid one,
/// so that a policy is checked once and every problem is reported together.
/// </summary>
internal sealed class ParameterReader(string column, ColumnPolicy policy, List<string> errors)
{
    public string Column => column;

    public int GetInt(string name, int fallback, int minimum, int maximum)
    {
        if (!policy.Parameters.TryGetValue(name, out JsonElement element))
        {
            return fallback;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out int value)
            || value < minimum || value > maximum)
        {
            Fail($"parameter '{name}' must be an integer from {minimum} to {maximum}");
            return fallback;
        }

        return value;
    }

    public double GetDouble(string name, double? fallback)
    {
        if (!policy.Parameters.TryGetValue(name, out JsonElement element))
        {
            if (fallback is null)
            {
                Fail($"parameter '{name}' is required");
            }

            return fallback ?? 1;
        }

        if (element.ValueKind != JsonValueKind.Number || !double.IsFinite(element.GetDouble()))
        {
            Fail($"parameter '{name}' must be a number");
            return fallback ?? 1;
        }

        return element.GetDouble();
    }

    public double GetPositiveDouble(string name, double? fallback)
    {
        double value = GetDouble(name, fallback);
        if (value <= 0)
        {
            Fail($"parameter '{name}' must be greater than 0");
            return 1;
        }

        return value;
    }

    public bool GetBool(string name, bool fallback)
    {
        if (!policy.Parameters.TryGetValue(name, out JsonElement element))
        {
            return fallback;
        }

        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Fail($"parameter '{name}' must be true or false");
            return fallback;
        }

        return element.GetBoolean();
    }

    public string? GetString(string name, string? fallback, bool required = false)
    {
        if (!policy.Parameters.TryGetValue(name, out JsonElement element))
        {
            if (required)
            {
                Fail($"parameter '{name}' is required");
            }

            return fallback;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            Fail($"parameter '{name}' must be a string");
            return fallback;
        }

        return element.GetString();
    }

    public char GetChar(string name, char fallback)
    {
        string? text = GetString(name, null);
        if (text is null)
        {
            return fallback;
        }

        if (text.Length != 1)
        {
            Fail($"parameter '{name}' must be a single character");
            return fallback;
        }

        return text[0];
    }

    public TEnum GetEnum<TEnum>(string name, TEnum fallback, bool required = false)
        where TEnum : struct, Enum
    {
        string? text = GetString(name, null, required);
        if (text is null)
        {
            return fallback;
        }

        if (!Enum.TryParse(text, ignoreCase: true, out TEnum value) || int.TryParse(text, CultureInfo.InvariantCulture, out _))
        {
            Fail($"parameter '{name}' must be one of {string.Join(", ", Enum.GetNames<TEnum>().Select(PolicyNames.ToJsonName))}");
            return fallback;
        }

        return value;
    }

    public IReadOnlyList<string> GetStrings(string name, IReadOnlyList<string> fallback)
    {
        if (!policy.Parameters.TryGetValue(name, out JsonElement element))
        {
            return fallback;
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0
            || element.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            Fail($"parameter '{name}' must be a non-empty array of strings");
            return fallback;
        }

        return element.EnumerateArray().Select(item => item.GetString()!).ToArray();
    }

    /// <summary>Returns true when the column entry gives the parameter <paramref name="name"/>.</summary>
    public bool Has(string name) => policy.Parameters.ContainsKey(name);

    public void Fail(string message) => errors.Add($"column '{column}': {message}");
}
