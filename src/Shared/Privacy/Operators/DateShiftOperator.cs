using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Operators;

/// <summary>
/// Shifts dates by a whole number of days that is the same for every row of one entity (a customer,
/// a card). The offset is derived from the HMAC pseudonym of the entity column's value, so intervals
/// between one entity's dates survive while the dates themselves do not. The offset lies in
/// [-maxDays, -1] or [1, maxDays], never 0. The output uses the format the input matched.
/// A row whose entity cell is missing or blank gets an offset derived from its line in the input instead, so that the
/// dates of that row keep their intervals while equal dates of other such rows move apart.
/// </summary>
public sealed class DateShiftOperator : ColumnOperator
{
    private readonly HmacPseudonymizer _pseudonymizer;
    private readonly byte[] _offsetKey;
    private readonly int _entityOrdinal;
    private readonly ValueKind _entityKind;
    private readonly int _maxDays;
    private readonly DateFormats _formats;
    private readonly IReadOnlyList<string> _nullMarkers;

    /// <summary>Creates a date shift operator.</summary>
    /// <param name="key">The key version; offsets use their own derived subkey.</param>
    /// <param name="pseudonymizer">The pseudonymizer whose output identifies the entity.</param>
    /// <param name="entityOrdinal">The input position of the entity column.</param>
    /// <param name="entityKind">How the entity value is normalised before hashing.</param>
    /// <param name="maxDays">The largest shift in days, from 1 to 3650.</param>
    /// <param name="formats">The accepted date formats.</param>
    /// <param name="nullMarkers">Cell texts that mean the entity is missing.</param>
    public DateShiftOperator(
        KeyMaterial key,
        HmacPseudonymizer pseudonymizer,
        int entityOrdinal,
        ValueKind entityKind,
        int maxDays,
        DateFormats formats,
        IReadOnlyList<string> nullMarkers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entityOrdinal);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDays, 3650);
        _pseudonymizer = pseudonymizer;
        _offsetKey = KeyDerivation.Derive(key, KeyPurpose.DateShift);
        _entityOrdinal = entityOrdinal;
        _entityKind = entityKind;
        _maxDays = maxDays;
        _formats = formats;
        _nullMarkers = nullMarkers;
    }

    public override OperatorKind Kind => OperatorKind.DateShift;

    /// <summary>The formats that read the column's dates.</summary>
    internal DateFormats Dates => _formats;

    public override bool TryApply(string value, RowContext row, out string output)
    {
        int formatIndex = _formats.TryParse(value, out DateTimeOffset date);
        if (formatIndex < 0)
        {
            output = string.Empty;
            return false;
        }

        string? entity = _entityOrdinal < row.Cells.Count ? row.Cells[_entityOrdinal] : null;
        bool hasEntity = entity is not null && !string.IsNullOrWhiteSpace(entity) && !_nullMarkers.Contains(entity);
        // A date within maxDays of 0001-01-01 or 9999-12-31 may have no shifted date, so it counts as unreadable for every
        // entity. Shifting it only where the offset allows would reveal the offset of those entities: a placeholder such as
        // 9999-12-31 shifted by -12 days shows that the person's other dates moved by -12 days too.
        if (date < DateTimeOffset.MinValue.AddDays(_maxDays) || date > DateTimeOffset.MaxValue.AddDays(-_maxDays))
        {
            output = string.Empty;
            return false;
        }

        int offset = OffsetDays(hasEntity
            ? ValueNormalizer.Normalize(entity!, _entityKind, row.PhoneRegion)
            : "\u0000line:" + row.Line.ToString(CultureInfo.InvariantCulture));
        output = date.AddDays(offset).ToString(_formats.Formats[formatIndex], CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>Returns the offset in days for a normalised entity value.</summary>
    public int OffsetDays(string normalizedEntity)
    {
        Span<byte> pseudonym = stackalloc byte[32];
        _pseudonymizer.ComputeHash(normalizedEntity, pseudonym);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_offsetKey, pseudonym, mac);

        // 2 * maxDays choices: [-maxDays, -1] and [1, maxDays]. The modulo bias is below 2^-40 for
        // maxDays up to 3650, because the draw has 64 bits.
        ulong draw = BinaryPrimitives.ReadUInt64LittleEndian(mac);
        int choice = (int)(draw % (ulong)(2 * _maxDays));
        return choice < _maxDays ? choice - _maxDays : choice - _maxDays + 1;
    }
}
