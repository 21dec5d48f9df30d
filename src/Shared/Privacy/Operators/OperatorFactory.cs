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
                TokenKind tokenKind = parameters.GetEnum("kind", TokenKind.Card);
                if (tokenKind != TokenKind.Card && parameters.Has("preserveIin"))
                {
                    // Only card numbers have an issuer prefix, and a setting that does nothing misleads a reviewer.
                    parameters.Fail($"parameter 'preserveIin' applies to kind 'card' only, not '{PolicyNames.ToJsonName(tokenKind)}'");
                }

                return new TokenOperator(
                    _tokenizer,
                    _pseudonymizer,
                    tokenKind,
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

                return new RedactOperator(_textScan, _pseudonymizer, replacement, policy.DefaultPhoneRegion);

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

        // A value of spaces or control characters reads as missing or breaks lines in many tools, and a comma, semicolon
        // or quote looks like CSV syntax.
        if (char.IsWhiteSpace(mask) || char.IsControl(mask) || mask is ',' or '"' or ';')
        {
            parameters.Fail("parameter 'maskChar' must be a visible character other than a comma, semicolon or quote, such as * or #");
            return '*';
        }

        return mask;
    }

    // The narrowest numericBins width that policy check accepts.
    private const double MinimumBinWidth = 1e-10;

    private const double MaximumBinOrigin = 1e15;

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

        // Narrower bins than this cannot be added to most numbers without rounding away, and the bin would show the value.
        if (method == GeneralizeMethod.NumericBins && width is > 0 and < MinimumBinWidth)
        {
            parameters.Fail($"parameter 'width' must be at least {MinimumBinWidth.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        // Beyond this, a double cannot hold the origin plus a bin to the precision the edges need, so values would land in
        // bins that do not contain them.
        if (method == GeneralizeMethod.NumericBins && Math.Abs(origin) > MaximumBinOrigin)
        {
            parameters.Fail($"parameter 'origin' must be between -{MaximumBinOrigin:0e0} and {MaximumBinOrigin:0e0}");
        }

        int top = parameters.GetInt("top", 90, 1, 200);
        if (method == GeneralizeMethod.AgeBands && origin >= top)
        {
            parameters.Fail($"parameter 'origin' ({origin}) must be below 'top' ({top}), or every age falls into one band");
        }

        DateFormats formats = DateFormatsParameter(parameters);
        if (method is GeneralizeMethod.DateYear or GeneralizeMethod.DateMonth)
        {
            RequireDateFields(parameters, method == GeneralizeMethod.DateYear ? "y" : "yM", PolicyNames.ToJsonName(method));
        }

        return new GeneralizeOperator(
            method,
            width,
            origin,
            top,
            parameters.GetInt("length", 3, 0, 10),
            formats,
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

        RequireDateFields(parameters, "yMd", "dateShift");
        return new DateShiftOperator(
            _key,
            _pseudonymizer,
            ordinal,
            parameters.GetEnum("entityKind", EntityKindOf(entity, policy)),
            parameters.GetInt("maxDays", 180, 1, 3650),
            DateFormatsParameter(parameters),
            policy.NullMarkers);
    }

    /// <summary>
    /// Returns the kind that normalises the entity column as its own operator reads it, so that the spellings that its
    /// pseudonyms or tokens link (the cases of one e-mail address, a card number with or without spaces) also get one
    /// date offset: the pseudonym's kind, card, IBAN or identifier for a token, and <see cref="ValueKind.Generic"/> for
    /// another operator.
    /// </summary>
    private static ValueKind EntityKindOf(string? entity, DatasetPolicy policy)
    {
        if (entity is null || !policy.Columns.TryGetValue(entity, out ColumnPolicy? rule))
        {
            return ValueKind.Generic;
        }

        // The entity column's own rule reports its errors itself, so these readings drop them.
        return rule.Operator switch
        {
            OperatorKind.Pseudonym => new ParameterReader(entity, rule, []).GetEnum("kind", ValueKind.Generic),
            OperatorKind.Token => new ParameterReader(entity, rule, []).GetEnum("kind", TokenKind.Card) switch
            {
                TokenKind.Card => ValueKind.Card,
                TokenKind.Iban => ValueKind.Iban,
                _ => ValueKind.Identifier,
            },
            _ => ValueKind.Generic,
        };
    }

    /// <summary>
    /// Fails when a declared date format lacks one of <paramref name="fields"/> ('y' year, 'M' month, 'd' day). Parsing
    /// fills a missing year or month from the run's date, so the output would change with the day it is made. A missing
    /// day reads as the first of the month, which a shift by days often leaves in the same month.
    /// </summary>
    private static void RequireDateFields(ParameterReader parameters, string fields, string method)
    {
        foreach (string format in parameters.GetStrings("formats", DateFormats.Default))
        {
            foreach (char field in fields)
            {
                if (!DateFormats.HasField(format, field))
                {
                    (string name, string reason) = field switch
                    {
                        'y' => ("year", "the date of the run would fill it in"),
                        'M' => ("month", "the date of the run would fill it in"),
                        _ => ("day", "a shift by days would often leave the month unchanged"),
                    };
                    parameters.Fail($"parameter 'formats': '{format}' has no {name}, which {method} needs, because {reason}");
                    break;
                }
            }
        }
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
