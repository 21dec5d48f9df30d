using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace SyntheticData.Neural.Internal;

/// <summary>
/// The module state format: magic "SDNS", format version, element size in bytes, entry count,
/// then per entry its name, rows, columns and little-endian elements.
/// </summary>
internal static class StateSerializer
{
    private const uint Magic = 0x534E4453; // "SDNS" read as a little-endian uint.
    private const int FormatVersion = 1;

    public static void Write<T>(Stream stream, IReadOnlyList<KeyValuePair<string, Tensor<T>>> state)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Module state files are written on little-endian machines only.");
        }

        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Marshal.SizeOf<T>());
        writer.Write(state.Count);
        foreach ((string name, Tensor<T> tensor) in state)
        {
            writer.Write(name);
            writer.Write(tensor.Rows);
            writer.Write(tensor.Cols);
            writer.Write(MemoryMarshal.AsBytes<T>(tensor.Span));
        }
    }

    public static void Read<T>(Stream stream, IReadOnlyList<KeyValuePair<string, Tensor<T>>> state)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.ReadUInt32() != Magic)
            {
                throw new NeuralStateException("The stream does not contain module state (wrong magic number).");
            }

            int version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                throw new NeuralStateException($"Module state format version {version} is not supported; expected {FormatVersion}.");
            }

            int elementSize = reader.ReadInt32();
            if (elementSize != Marshal.SizeOf<T>())
            {
                throw new NeuralStateException($"The state has {elementSize}-byte elements, but the module uses {Marshal.SizeOf<T>()}-byte {typeof(T).Name}.");
            }

            int count = reader.ReadInt32();
            if (count != state.Count)
            {
                throw new NeuralStateException($"The state has {count} tensors, but the module has {state.Count}.");
            }

            // Read everything before writing anything, so a mismatch leaves the module unchanged.
            var values = new T[count][];
            for (int i = 0; i < count; i++)
            {
                string name = reader.ReadString();
                int rows = reader.ReadInt32();
                int cols = reader.ReadInt32();
                (string expectedName, Tensor<T> target) = state[i];
                if (name != expectedName || rows != target.Rows || cols != target.Cols)
                {
                    throw new NeuralStateException(
                        $"Tensor {i} in the state is '{name}' ({rows}x{cols}), but the module expects '{expectedName}' ({target.Rows}x{target.Cols}).");
                }

                values[i] = new T[target.Length];
                reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values[i].AsSpan()));
            }

            for (int i = 0; i < count; i++)
            {
                values[i].CopyTo(state[i].Value.Span);
            }
        }
        catch (EndOfStreamException exception)
        {
            throw new NeuralStateException("The module state ended early; the file is truncated.", exception);
        }
    }
}
