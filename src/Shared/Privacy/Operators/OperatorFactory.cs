using SyntheticData.Privacy.Crypto;
using SyntheticData.Privacy.Detection;
using SyntheticData.Privacy.Internal;
using SyntheticData.Privacy.Policies;

namespace SyntheticData.Privacy.Operators;

/// <summary>
/// Builds column operators from a policy's column entries for one key version, and checks the
/// parameters of every entry (<see cref="Validate"/>) so that a policy is rejected before any data is read.
/// </summary>
public sealed class OperatorFactory
{
    private readonly KeyMaterial _key;
    private readonly HmacPseudonymizer _pseudonymizer;
    private readonly Ff1Tokenizer _tokenizer;
    private readonly Func<string, string?, IReadOnlyList<PiiSpan>>? _textScan;
    private readonly Func<string, bool>? _isDetectable;

    /// <summary>Creates a factory for one key version.</summary>
    /// <param name="key">The key version pseudonyms, tokens, offsets and noise derive from.</param>
    /// <param name="textScan">Returns the merged findings in a free-text cell; required for redact columns.</param>
    /// <param name="isDetectable">
    /// Returns true when a rescan would report personal data in a new token; null falls back to <paramref name="textScan"/>,
    /// and with neither, tokens are not checked.
    /// </param>
    public OperatorFactory(
        KeyMaterial key,
        Func<string, string?, IReadOnlyList<PiiSpan>>? textScan = null,
        Func<string, bool>? isDetectable = null)
    {
        _key = key;
        _pseudonymizer = new HmacPseudonymizer(key);
        _tokenizer = new Ff1Tokenizer(key);
        _textScan = textScan;
        _isDetectable = isDetectable ?? (textScan is null ? null : token => textScan(token, null).Count > 0);
    }

    /// <summary>The pseudonymizer shared by the factory's operators.</summary>
    public HmacPseudonymizer Pseudonymizer => _pseudonymizer;

    /// <summary>
    /// Returns one message per invalid parameter of the column entry; empty when it is valid.
    /// </summary>
    public static IReadOnlyList<string> Validate(string column, ColumnPolicy rule, DatasetPolicy policy)
    {
        var errors = new List<string>();
        var probe = new OperatorFactory(new KeyMaterial("validation", 1, new byte[KeyMaterial.MinimumLength]), static (_, _) => []);
        probe.Build(column, rule, policy, header: null, errors);
        return errors;
    }

    /// <summary>
    /// Creates the operator of a column entry, or returns null for <see cref="OperatorKind.Drop"/>.
    /// </summary>
    /// <param name="column">The column name, used in messages and to separate noise draws.</param>
    /// <param name="rule">The column's policy entry.</param>
    /// <param name="policy">The whole policy, for null markers and the phone region.</param>
    /// <param name="header">The input header, to find columns an operator reads (the date-shift entity).</param>
    /// <exception cref="PolicyException">A parameter is invalid, or a column it names is not in the header.</exception>
    public ColumnOperator? Create(string column, ColumnPolicy rule, DatasetPolicy policy, IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var errors = new List<string>();
        ColumnOperator? created = Build(column, rule, policy, header, errors);
        if (errors.Count > 0)
        {
            throw new PolicyException("(policy)", errors);
        }

        return created;
    }

    private ColumnOperator? Build(
        string column, ColumnPolicy rule, DatasetPolicy policy, IReadOnlyList<string>? header, List<string> errors)
    {
        var parameters = new ParameterReader(column, rule, errors);
        switch (rule.Operator)
        {
            case OperatorKind.Drop:
                return null;

            case OperatorKind.Keep:
                return new KeepOperator();

            case OperatorKind.Pseudonym:
                return new PseudonymOperator(
                    _pseudonymizer,
                    parameters.GetEnum("kind", ValueKind.Generic),
                    parameters.GetInt("length", PseudonymOperator.DefaultLength, 8, LetterEncoding.MaximumLength),
                    parameters.GetString("prefix", string.Empty) ?? string.Empty);

            case OperatorKind.Token:
                return new TokenOperator(
                    _tokenizer,
                    _pseudonymizer,
                    parameters.GetEnum("kind", TokenKind.Card),
                    parameters.GetBool("preserveIin", false),
                    _isDetectable);

            case OperatorKind.Truncate:
                return new TruncateOperator(
                    parameters.GetInt("keepFirst", TruncateOperator.MaximumFirst, 0, TruncateOperator.MaximumFirst),
                    parameters.GetInt("keepLast", TruncateOperator.MaximumLast, 0, TruncateOperator.MaximumLast),
                    MaskCharacter(parameters));

            case OperatorKind.Mask:
                return new MaskOperator(
                    parameters.GetInt("keepFirst", 0, 0, 8),
                    parameters.GetInt("keepLast", 4, 0, 8),
                    MaskCharacter(parameters));

            case OperatorKind.Generalize:
                return BuildGeneralize(parameters);

            case OperatorKind.DateShift:
                return BuildDateShift(parameters, policy, header);

            case OperatorKind.Noise:
                return new NoiseOperator(
                    _key,
                    column,
                    parameters.GetPositiveDouble("scale", null),
                    parameters.GetEnum("distribution", NoiseDistribution.Laplace),
                    parameters.GetInt("decimals", -1, 0, 10) is var decimals && decimals >= 0 ? decimals : null);

            case OperatorKind.Redact:
                RedactReplacement replacement = parameters.GetEnum("replacement", RedactReplacement.Kind);
                if (_textScan is null)
                {
                    parameters.Fail("the redact operator needs a text scanner, and none was configured");
                    return null;
                }

                return new RedactOperator(_textScan, _pseudonymizer, replacement);

            default:
                parameters.Fail($"operator '{rule.Operator}' is not supported");
                return null;
        }
    }

    private static char MaskCharacter(ParameterReader parameters)
    {
        char mask = parameters.GetChar("maskChar", '*');
        if (char.IsLetterOrDigit(mask))
        {
            parameters.Fail("parameter 'maskChar' must not be a letter or digit");
            return '*';
        }

        return mask;
    }

    private static readonly string[] GeneralizeParameters = ["width", "origin", "top", "length", "padDigits", "formats"];

    private static GeneralizeOperator BuildGeneralize(ParameterReader parameters)
    {
        GeneralizeMethod method = parameters.GetEnum("method", GeneralizeMethod.NumericBins, required: true);

        // The schema lists every method's parameters together, so one given to another method is caught here, before
        // a reviewer takes it for a setting that works.
        string[] applies = method switch
        {
            GeneralizeMethod.NumericBins => ["width", "origin"],
            GeneralizeMethod.AgeBands => ["width", "origin", "top"],
            GeneralizeMethod.DateYear or GeneralizeMethod.DateMonth => ["formats"],
            _ => ["length", "padDigits"],
        };
        foreach (string name in GeneralizeParameters.Except(applies).Where(parameters.Has))
        {
            parameters.Fail($"parameter '{name}' does not apply to method '{PolicyNames.ToJsonName(method)}'");
        }

        // Ages are whole years, so age bands take whole-year widths and edges, and a band label such as 20-29 is exact.
        (double width, double origin) = method switch
        {
            GeneralizeMethod.NumericBins => (parameters.GetPositiveDouble("width", null), parameters.GetDouble("origin", 0)),
            GeneralizeMethod.AgeBands => (parameters.GetInt("width", 10, 1, 200), parameters.GetInt("origin", 0, 0, 200)),
            _ => (1, 0),
        };

        return new GeneralizeOperator(
            method,
            width,
            origin,
            parameters.GetInt("top", 90, 1, 200),
            parameters.GetInt("length", 3, 0, 10),
            DateFormatsParameter(parameters),
            parameters.GetInt("padDigits", 0, 0, 10));
    }

    private DateShiftOperator? BuildDateShift(ParameterReader parameters, DatasetPolicy policy, IReadOnlyList<string>? header)
    {
        string? entity = parameters.GetString("entityColumn", null, required: true);
        int ordinal = 0;
        if (entity is not null && header is not null)
        {
            ordinal = IndexOf(header, entity);
            if (ordinal < 0)
            {
                parameters.Fail($"parameter 'entityColumn' names column '{entity}', which is not in the input");
                return null;
            }
        }

        return new DateShiftOperator(
            _key,
            _pseudonymizer,
            ordinal,
            parameters.GetEnum("entityKind", ValueKind.Generic),
            parameters.GetInt("maxDays", 180, 1, 3650),
            DateFormatsParameter(parameters),
            policy.NullMarkers);
    }

    private static DateFormats DateFormatsParameter(ParameterReader parameters)
    {
        IReadOnlyList<string> formats = parameters.GetStrings("formats", DateFormats.Default);
        try
        {
            return new DateFormats(formats);
        }
        catch (ArgumentException exception)
        {
            parameters.Fail("parameter 'formats': " + exception.Message);
            return new DateFormats(DateFormats.Default);
        }
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
