using SyntheticData.Tabular;

namespace SyntheticData.Synthesis.Transformers.Internal;

/// <summary>The type of a source column, so that decoding rebuilds a column of the same type and format.</summary>
/// <param name="Type">The logical column type.</param>
/// <param name="DateTimeFormat">The format of a date-time column; empty otherwise.</param>
internal readonly record struct SourceKind(ColumnType Type, string DateTimeFormat)
{
    public static SourceKind Of(Column column) =>
        new(column.Type, column is DateTimeColumn dates ? dates.Format : string.Empty);

    public void Write(BinaryWriter writer)
    {
        writer.Write((int)Type);
        writer.Write(DateTimeFormat);
    }

    public static SourceKind Read(BinaryReader reader)
    {
        int type = reader.ReadInt32();
        if (!Enum.IsDefined(typeof(ColumnType), type))
        {
            throw new InvalidDataException($"Unknown column type {type} in the model file.");
        }

        return new SourceKind((ColumnType)type, reader.ReadString());
    }
}
