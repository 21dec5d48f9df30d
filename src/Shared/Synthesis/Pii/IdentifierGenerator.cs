using System.Security.Cryptography;
using System.Text;

namespace SyntheticData.Synthesis.Pii;

/// <summary>
/// Generates fresh values in the format of an identifier or PII column: the same lengths, character
/// classes, separators and constant letters (such as a <c>C</c> prefix), and never a training value.
/// A value whose digits could pass as a live card number (a run of 12 to 19 digits with a valid Luhn check) or as
/// an IBAN (a valid mod-97 remainder) is drawn again. The anonymizer's tokens follow the same rule, so neither a
/// synthetic dataset nor an anonymized one shows a card number or IBAN that a rescan would report.
/// </summary>
/// <remarks>
/// The generator stores value shapes and salted 64-bit hashes of the training values, never the values.
/// NOTE: anyone with a saved model (it contains the salt) can test whether a guessed value was in the
/// training set, so protect model files like the training data's pseudonyms.
/// </remarks>
public sealed class IdentifierGenerator
{
    private const int MaxShapes = 64;
    private const int MinSupportForConstantLetters = 5;
    private const int MaxAttemptsPerValue = 200;
    private const char DigitSlot = '\u0001';
    private const char UpperSlot = '\u0002';
    private const char LowerSlot = '\u0003';
    private const char NonZeroDigitSlot = '\u0004';

    private static readonly char[] Slots = [DigitSlot, UpperSlot, LowerSlot, NonZeroDigitSlot];

    private readonly string _column;
    private readonly string[] _shapes;
    private readonly double[] _cumulative;
    private readonly byte[] _salt;
    private readonly HashSet<long> _trainingHashes;

    private IdentifierGenerator(string column, double nullShare, bool unique, string[] shapes, double[] cumulative, byte[] salt, HashSet<long> trainingHashes)
    {
        _column = column;
        NullShare = nullShare;
        IsUnique = unique;
        _shapes = shapes;
        _cumulative = cumulative;
        _salt = salt;
        _trainingHashes = trainingHashes;
    }

    /// <summary>The share of training rows that were missing; generated columns have the same share of nulls.</summary>
    public double NullShare { get; }

    /// <summary>True when every present training value was distinct, so generated values are distinct too.</summary>
    public bool IsUnique { get; }

    /// <summary>Learns the formats of <paramref name="values"/>, a column's cells with null for missing.</summary>
    /// <param name="column">The column name, used in error messages.</param>
    /// <param name="values">The training cells.</param>
    /// <param name="seed">Seeds the salt of the stored hashes.</param>
    public static IdentifierGenerator Fit(string column, IReadOnlyList<string?> values, int seed)
    {
        ArgumentException.ThrowIfNullOrEmpty(column);
        ArgumentNullException.ThrowIfNull(values);

        var random = new Random(seed);
        byte[] salt = new byte[16];
        random.NextBytes(salt);

        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var byShape = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        int present = 0;
        foreach (string? value in values)
        {
            if (value is null)
            {
                continue;
            }

            present++;
            distinct.Add(value);
            string shape = ShapeOf(value);
            if (!byShape.TryGetValue(shape, out List<string>? members))
            {
                members = [];
                byShape.Add(shape, members);
            }

            members.Add(value);
        }

        var hashes = new HashSet<long>();
        foreach (string value in distinct)
        {
            hashes.Add(Hash(salt, value));
        }

        KeyValuePair<string, List<string>>[] kept = byShape
            .OrderByDescending(pair => pair.Value.Count)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(MaxShapes)
            .ToArray();

        string[] shapes = new string[kept.Length];
        double[] cumulative = new double[kept.Length];
        double total = kept.Sum(pair => (double)pair.Value.Count);
        double running = 0;
        for (int s = 0; s < kept.Length; s++)
        {
            shapes[s] = KeepConstantLetters(kept[s].Key, kept[s].Value);
            running += kept[s].Value.Count / total;
            cumulative[s] = running;
        }

        double nullShare = values.Count == 0 ? 0 : (double)(values.Count - present) / values.Count;
        bool unique = present > 1 && distinct.Count == present;
        return new IdentifierGenerator(column, nullShare, unique, shapes, cumulative, salt, hashes);
    }

    /// <summary>Returns true when <paramref name="value"/> was a training value (up to a 64-bit hash collision).</summary>
    public bool WasTrainingValue(string value) => _trainingHashes.Contains(Hash(_salt, value));

    /// <summary>Generates <paramref name="rows"/> cells, each null with probability <see cref="NullShare"/>.</summary>
    /// <exception cref="SynthesisException">The format allows too few fresh values.</exception>
    public string?[] Generate(int rows, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentNullException.ThrowIfNull(random);

        string?[] output = new string?[rows];
        var issued = new HashSet<string>(StringComparer.Ordinal);
        for (int row = 0; row < rows; row++)
        {
            bool isNull = random.NextDouble() < NullShare;
            if (isNull || _shapes.Length == 0)
            {
                continue;
            }

            output[row] = GenerateOne(random, issued);
        }

        return output;
    }

    /// <summary>Writes the shapes, the salt and the hashes.</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_column);
        writer.Write(NullShare);
        writer.Write(IsUnique);
        writer.Write(_shapes.Length);
        for (int s = 0; s < _shapes.Length; s++)
        {
            writer.Write(_shapes[s]);
            writer.Write(_cumulative[s]);
        }

        writer.Write(_salt.Length);
        writer.Write(_salt);

        // Sorted so that the same fit writes the same bytes.
        long[] hashes = _trainingHashes.Order().ToArray();
        writer.Write(hashes.Length);
        foreach (long hash in hashes)
        {
            writer.Write(hash);
        }
    }

    /// <summary>Reads a generator written by <see cref="Write"/>.</summary>
    /// <exception cref="ModelFormatException">The data is invalid.</exception>
    public static IdentifierGenerator Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string column = reader.ReadString();
        double nullShare = reader.ReadDouble();
        bool unique = reader.ReadBoolean();
        int shapeCount = ReadCount(reader, MaxShapes);
        string[] shapes = new string[shapeCount];
        double[] cumulative = new double[shapeCount];
        for (int s = 0; s < shapeCount; s++)
        {
            shapes[s] = reader.ReadString();
            cumulative[s] = reader.ReadDouble();
        }

        byte[] salt = reader.ReadBytes(ReadCount(reader, 64));
        int hashCount = ReadCount(reader, int.MaxValue / 8);
        var hashes = new HashSet<long>(hashCount);
        for (int i = 0; i < hashCount; i++)
        {
            hashes.Add(reader.ReadInt64());
        }

        return new IdentifierGenerator(column, nullShare, unique, shapes, cumulative, salt, hashes);
    }

    private string GenerateOne(Random random, HashSet<string> issued)
    {
        for (int attempt = 0; attempt < MaxAttemptsPerValue; attempt++)
        {
            double pick = random.NextDouble();
            int s = Array.FindIndex(_cumulative, c => pick < c);
            string shape = _shapes[s < 0 ? _shapes.Length - 1 : s];
            string candidate = Fill(shape, random);

            // A shape without slots is a label that at least MinSupportForConstantLetters training values share, such
            // as [EMAIL] left by redaction or N/A, so repeating it discloses no single record.
            bool label = !IsUnique && shape.IndexOfAny(Slots) < 0;
            if ((!label && WasTrainingValue(candidate)) || (IsUnique && issued.Contains(candidate)) || PassesPaymentCheck(candidate))
            {
                continue;
            }

            issued.Add(candidate);
            return candidate;
        }

        throw new SynthesisException(
            $"Column '{_column}': no fresh value found in {MaxAttemptsPerValue} attempts because its format allows too few values " +
            "that are not training values; drop the column instead of regenerating it.");
    }

    /// <summary>
    /// Returns true when a run of 12 to 19 digits in <paramref name="value"/>, groups joined by single spaces, dashes or
    /// dots, passes the Luhn check, or when the value's letters and digits form an IBAN with a valid mod-97 remainder.
    /// </summary>
    private static bool PassesPaymentCheck(string value)
    {
        var digits = new StringBuilder();
        for (int i = 0; i <= value.Length; i++)
        {
            char c = i < value.Length ? value[i] : '\0';
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
                continue;
            }

            bool joinsGroups = c is ' ' or '-' or '.' && i + 1 < value.Length && char.IsAsciiDigit(value[i + 1]) && digits.Length > 0;
            if (joinsGroups)
            {
                continue;
            }

            if (digits.Length is >= 12 and <= 19 && IsLuhnValid(digits))
            {
                return true;
            }

            digits.Clear();
        }

        return IsValidIban(value);
    }

    private static bool IsLuhnValid(StringBuilder digits)
    {
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                digit -= digit > 9 ? 9 : 0;
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    // An IBAN is two letters, two check digits and 11 to 30 letters or digits. Moving the first four to the end and
    // reading letters as 10 to 35 gives a number whose remainder modulo 97 is 1.
    private static bool IsValidIban(string value)
    {
        string compact = new(value.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        if (compact.Length is < 15 or > 34 || !char.IsAsciiLetter(compact[0]) || !char.IsAsciiLetter(compact[1])
            || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]))
        {
            return false;
        }

        int remainder = 0;
        foreach (char c in compact[4..] + compact[..4])
        {
            int number = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = ((remainder * (number >= 10 ? 100 : 10)) + number) % 97;
        }

        return remainder == 1;
    }

    private static string Fill(string shape, Random random)
    {
        var builder = new StringBuilder(shape.Length);
        foreach (char slot in shape)
        {
            builder.Append(slot switch
            {
                DigitSlot => (char)('0' + random.Next(10)),
                NonZeroDigitSlot => (char)('1' + random.Next(9)),
                UpperSlot => (char)('A' + random.Next(26)),
                LowerSlot => (char)('a' + random.Next(26)),
                _ => slot,
            });
        }

        return builder.ToString();
    }

    private static string ShapeOf(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            builder.Append(c switch
            {
                >= '0' and <= '9' => DigitSlot,
                >= 'A' and <= 'Z' => UpperSlot,
                >= 'a' and <= 'z' => LowerSlot,
                _ => c,
            });
        }

        return builder.ToString();
    }

    // Letters that every value of a well-supported shape shares (prefixes such as "C" or "ACC") stay
    // fixed. Digits are always drawn, so the space of fresh values stays large, but a leading digit is
    // never 0 unless a training value starts with 0, so numbers keep their length.
    private static string KeepConstantLetters(string shape, List<string> members)
    {
        char[] slots = shape.ToCharArray();
        if (slots.Length > 0 && slots[0] == DigitSlot && members.TrueForAll(member => member[0] != '0'))
        {
            slots[0] = NonZeroDigitSlot;
        }

        if (members.Count < MinSupportForConstantLetters)
        {
            return new string(slots);
        }

        for (int position = 0; position < slots.Length; position++)
        {
            if (slots[position] is not (UpperSlot or LowerSlot))
            {
                continue;
            }

            char first = members[0][position];
            if (members.TrueForAll(member => member[position] == first))
            {
                slots[position] = first;
            }
        }

        return new string(slots);
    }

    private static long Hash(byte[] salt, string value)
    {
        byte[] text = Encoding.UTF8.GetBytes(value);
        byte[] input = new byte[salt.Length + text.Length];
        salt.CopyTo(input, 0);
        text.CopyTo(input, salt.Length);
        return BitConverter.ToInt64(SHA256.HashData(input), 0);
    }

    private static int ReadCount(BinaryReader reader, int max)
    {
        int count = reader.ReadInt32();
        return count >= 0 && count <= max
            ? count
            : throw new ModelFormatException($"Identifier generator count {count} is invalid.");
    }
}
