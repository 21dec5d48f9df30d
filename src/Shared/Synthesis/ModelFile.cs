using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using SyntheticData.Tabular;

namespace SyntheticData.Synthesis;

/// <summary>
/// The versioned envelope of a saved model: magic bytes, format version, synthesizer kind, column schema
/// and the synthesizer's own payload, closed by a SHA-256 checksum. It contains fitted parameters only,
/// never training rows.
/// </summary>
/// <remarks>
/// Layout, integers little-endian: 8 magic bytes <c>SYNMODEL</c>; int32 format version; int32 header
/// length; the header as UTF-8 JSON (kind, payload version, columns); int64 payload length; the payload;
/// 32 bytes of SHA-256 over everything before them.
/// </remarks>
public sealed class ModelFile
{
    /// <summary>The format version this build writes; it reads this version and older ones.</summary>
    public const int CurrentFormatVersion = 1;

    private const int MaxHeaderBytes = 16 * 1024 * 1024;
    private const long MaxPayloadBytes = int.MaxValue;
    private static readonly byte[] MagicBytes = "SYNMODEL"u8.ToArray();

    public ModelFile(SynthesizerKind kind, int payloadVersion, IReadOnlyList<ColumnSchema> schema, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(payload);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown synthesizer kind.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(payloadVersion);
        Kind = kind;
        PayloadVersion = payloadVersion;
        Schema = schema.ToArray();
        Payload = payload;
    }

    /// <summary>The synthesizer family that wrote the payload.</summary>
    public SynthesizerKind Kind { get; }

    /// <summary>The version of the synthesizer's own payload layout.</summary>
    public int PayloadVersion { get; }

    /// <summary>The columns of the training table, in order.</summary>
    public IReadOnlyList<ColumnSchema> Schema { get; }

    /// <summary>The synthesizer's fitted parameters, in its own layout.</summary>
    public byte[] Payload { get; }

    /// <summary>Checks that the file contains a <paramref name="kind"/> model with a payload version from 1 to <paramref name="newestVersion"/>.</summary>
    /// <param name="kind">The kind the caller reads.</param>
    /// <param name="newestVersion">The newest payload version the caller reads.</param>
    /// <param name="displayName">The synthesizer's name in messages, such as "CTGAN".</param>
    /// <exception cref="ModelFormatException">The kind differs or the payload version is not supported.</exception>
    public void RequireKind(SynthesizerKind kind, int newestVersion, string displayName)
    {
        if (Kind != kind)
        {
            throw new ModelFormatException(
                $"Invalid model kind: the file contains a {Kind} model, not a {displayName} model; load it with SynthesizerFactory.Load.");
        }

        if (PayloadVersion < 1 || PayloadVersion > newestVersion)
        {
            string supported = newestVersion == 1 ? "version 1" : $"versions 1 to {newestVersion}";
            throw new ModelFormatException(
                $"{displayName} payload version {PayloadVersion} is not supported; this build reads {supported}.");
        }
    }

    /// <summary>Writes the envelope to <paramref name="stream"/>.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] header = WriteHeader();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        Span<byte> number = stackalloc byte[8];
        WriteHashed(stream, hash, MagicBytes);
        BinaryPrimitives.WriteInt32LittleEndian(number, CurrentFormatVersion);
        WriteHashed(stream, hash, number[..4]);
        BinaryPrimitives.WriteInt32LittleEndian(number, header.Length);
        WriteHashed(stream, hash, number[..4]);
        WriteHashed(stream, hash, header);
        BinaryPrimitives.WriteInt64LittleEndian(number, Payload.Length);
        WriteHashed(stream, hash, number);
        WriteHashed(stream, hash, Payload);
        stream.Write(hash.GetHashAndReset());
    }

    /// <summary>Reads an envelope written by <see cref="WriteTo"/>.</summary>
    /// <exception cref="ModelFormatException">The stream is not a model file, is truncated or corrupted, or has a newer format version.</exception>
    public static ModelFile ReadFrom(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        byte[] magic = ReadHashed(stream, hash, MagicBytes.Length);
        if (!magic.AsSpan().SequenceEqual(MagicBytes))
        {
            throw new ModelFormatException("Not a model file: the magic bytes 'SYNMODEL' are missing.");
        }

        int formatVersion = BinaryPrimitives.ReadInt32LittleEndian(ReadHashed(stream, hash, 4));
        if (formatVersion < 1 || formatVersion > CurrentFormatVersion)
        {
            throw new ModelFormatException(
                $"Model file format version {formatVersion} is not supported; this build reads versions 1 to {CurrentFormatVersion}.");
        }

        int headerLength = BinaryPrimitives.ReadInt32LittleEndian(ReadHashed(stream, hash, 4));
        if (headerLength <= 0 || headerLength > MaxHeaderBytes)
        {
            throw new ModelFormatException($"Model file header length {headerLength} is invalid.");
        }

        byte[] header = ReadHashed(stream, hash, headerLength);
        long payloadLength = BinaryPrimitives.ReadInt64LittleEndian(ReadHashed(stream, hash, 8));
        if (payloadLength < 0 || payloadLength > MaxPayloadBytes)
        {
            throw new ModelFormatException($"Model file payload length {payloadLength} is invalid.");
        }

        // A corrupted length must not allocate gigabytes before the checksum can reject the file.
        if (stream.CanSeek && payloadLength > stream.Length - stream.Position)
        {
            throw new ModelFormatException("Model file is truncated.");
        }

        byte[] payload = ReadHashed(stream, hash, (int)payloadLength);
        byte[] expected = hash.GetHashAndReset();
        byte[] actual = ReadExactly(stream, expected.Length);
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            throw new ModelFormatException("Model file checksum mismatch: the file is corrupted or was modified.");
        }

        return ParseHeader(header, payload);
    }

    private byte[] WriteHeader()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("kind", Kind.ToString());
            json.WriteNumber("payloadVersion", PayloadVersion);
            json.WriteStartArray("columns");
            foreach (ColumnSchema column in Schema)
            {
                json.WriteStartObject();
                json.WriteString("name", column.Name);
                json.WriteString("type", column.Type.ToString());
                if (column.DateTimeFormat is not null)
                {
                    json.WriteString("format", column.DateTimeFormat);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static ModelFile ParseHeader(byte[] header, byte[] payload)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(header);
            JsonElement root = document.RootElement;
            SynthesizerKind kind = Enum.Parse<SynthesizerKind>(root.GetProperty("kind").GetString()!);
            int payloadVersion = root.GetProperty("payloadVersion").GetInt32();
            var schema = new List<ColumnSchema>();
            foreach (JsonElement column in root.GetProperty("columns").EnumerateArray())
            {
                string name = column.GetProperty("name").GetString()!;
                ColumnType type = Enum.Parse<ColumnType>(column.GetProperty("type").GetString()!);
                string? format = column.TryGetProperty("format", out JsonElement f) ? f.GetString() : null;
                schema.Add(new ColumnSchema(name, type, format));
            }

            return new ModelFile(kind, payloadVersion, schema, payload);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new ModelFormatException("Model file header is invalid: " + ex.Message, ex);
        }
    }

    private static void WriteHashed(Stream stream, IncrementalHash hash, ReadOnlySpan<byte> bytes)
    {
        hash.AppendData(bytes);
        stream.Write(bytes);
    }

    private static byte[] ReadHashed(Stream stream, IncrementalHash hash, int count)
    {
        byte[] bytes = ReadExactly(stream, count);
        hash.AppendData(bytes);
        return bytes;
    }

    private static byte[] ReadExactly(Stream stream, int count)
    {
        byte[] bytes = new byte[count];
        try
        {
            stream.ReadExactly(bytes);
        }
        catch (EndOfStreamException ex)
        {
            throw new ModelFormatException("Model file is truncated.", ex);
        }

        return bytes;
    }
}
