using System.Globalization;
using Bogus;

namespace SyntheticData.Cli.Samples;

/// <summary>
/// Generates realistic raw card-transaction extracts with Bogus: customers with names, addresses, e-mail
/// addresses, phone numbers, dates of birth, IBANs and Luhn-valid card numbers (including 2-series
/// Mastercard, 15-digit Amex and 19-digit Visa, some grouped with spaces or dashes), and their
/// transactions. Each customer has several transactions, so pseudonyms can be checked to link them.
/// Every value is invented; e-mail addresses use the reserved example domains. The same seed gives the same file.
/// </summary>
internal sealed class CardTransactionGenerator
{
    /// <summary>The columns of a generated extract.</summary>
    public static readonly IReadOnlyList<string> Header =
    [
        "transaction_id", "transaction_time", "customer_id", "first_name", "last_name", "email", "phone",
        "date_of_birth", "gender", "street", "city", "state", "postcode", "card_number", "card_cvv", "iban",
        "merchant", "category", "amount", "currency", "is_fraud",
    ];

    private static readonly string[] AreaCodes = ["212", "312", "415", "617", "303", "206", "512", "404", "305", "702"];
    private static readonly string[] Domains = ["example.com", "example.org", "example.net"];
    private static readonly string[] IbanCountries = ["DE", "GB", "FR", "NL", "ES"];
    private static readonly string[] Categories =
        ["grocery_pos", "gas_transport", "shopping_net", "entertainment", "food_dining", "health_fitness", "travel", "misc_pos"];

    // Issuer prefix and card length, weighted by repetition: Visa 16 and 19, Mastercard 51-55 and 2221-2720, Amex, Discover, JCB.
    private static readonly (string Prefix, int Length)[] Issuers =
    [
        ("4", 16), ("4", 16), ("4", 16), ("4", 19), ("51", 16), ("55", 16), ("2221", 16), ("2720", 16),
        ("2300", 16), ("34", 15), ("37", 15), ("6011", 16), ("3530", 16),
    ];

    private readonly Faker _faker;
    private readonly DateTime _firstTransaction = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Creates a generator; the same seed gives the same rows.</summary>
    public CardTransactionGenerator(int seed)
    {
        _faker = new Faker("en") { Random = new Randomizer(seed) };
    }

    /// <summary>Yields <paramref name="rows"/> records in header order.</summary>
    public IEnumerable<string[]> Generate(long rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        int customerCount = (int)Math.Clamp(rows / 4, 1, 1_000_000);
        var customers = new Dictionary<int, Customer>();
        for (long row = 0; row < rows; row++)
        {
            int index = _faker.Random.Int(0, customerCount - 1);
            if (!customers.TryGetValue(index, out Customer? customer))
            {
                customer = NewCustomer(index);

                // Bounded, so memory stays flat for large files; an evicted customer is simply not reused.
                if (customers.Count < 100_000)
                {
                    customers[index] = customer;
                }
            }

            yield return Transaction(row, customer);
        }
    }

    private Customer NewCustomer(int index)
    {
        string first = _faker.Name.FirstName();
        string last = _faker.Name.LastName();
        (string prefix, int length) = _faker.PickRandom(Issuers);
        string card = CardNumber(prefix, length);
        return new Customer(
            "C" + (10_000_000 + index).ToString(CultureInfo.InvariantCulture),
            first,
            last,
            Email(first, last),
            Phone(),
            _faker.Date.Between(new DateTime(1940, 1, 1), new DateTime(2005, 12, 31)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _faker.PickRandom("F", "M"),
            _faker.Address.StreetAddress(),
            _faker.Address.City(),
            _faker.Address.StateAbbr(),
            _faker.Address.ZipCode("#####"),
            FormatCard(card),
            _faker.Random.ReplaceNumbers(prefix is "34" or "37" ? "####" : "###"),
            _faker.Finance.Iban(formatted: _faker.Random.Bool(0.3f), countryCode: _faker.PickRandom(IbanCountries)));
    }

    private string[] Transaction(long row, Customer customer)
    {
        DateTime time = _firstTransaction.AddSeconds(_faker.Random.Int(0, 365 * 24 * 3600 - 1));
        decimal amount = Math.Round(_faker.Random.Decimal(1m, 500m) * (_faker.Random.Bool(0.05f) ? 10 : 1), 2);
        return
        [
            _faker.Random.Hexadecimal(32, prefix: string.Empty),
            time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            customer.Id,
            customer.FirstName,
            customer.LastName,
            customer.Email,
            customer.Phone,
            customer.DateOfBirth,
            customer.Gender,
            customer.Street,
            customer.City,
            customer.State,
            customer.Postcode,
            customer.Card,
            customer.Cvv,
            customer.Iban,
            "fraud_" + _faker.Company.CompanyName(),
            _faker.PickRandom(Categories),
            amount.ToString("0.00", CultureInfo.InvariantCulture),
            "USD",
            _faker.Random.Bool(0.01f) ? "1" : "0",
        ];
    }

    private string CardNumber(string prefix, int length)
    {
        var digits = new char[length];
        prefix.CopyTo(digits);
        for (int i = prefix.Length; i < length - 1; i++)
        {
            digits[i] = (char)('0' + _faker.Random.Int(0, 9));
        }

        // Luhn check digit over the first length - 1 digits.
        int sum = 0;
        for (int i = length - 2, position = 0; i >= 0; i--, position++)
        {
            int digit = digits[i] - '0';
            if (position % 2 == 0)
            {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }

            sum += digit;
        }

        digits[length - 1] = (char)('0' + ((10 - (sum % 10)) % 10));
        return new string(digits);
    }

    private string FormatCard(string card)
    {
        int style = _faker.Random.Int(0, 9);
        if (style < 6 || card.Length != 16)
        {
            return card;
        }

        string separator = style < 8 ? " " : "-";
        return string.Join(separator, card.Chunk(4).Select(group => new string(group)));
    }

    private string Email(string first, string last) =>
        $"{first}.{last}{_faker.Random.Int(1, 99)}@{_faker.PickRandom(Domains)}".ToLowerInvariant();

    private string Phone()
    {
        string area = _faker.PickRandom(AreaCodes);
        string exchange = _faker.Random.Int(200, 989).ToString(CultureInfo.InvariantCulture);
        string line = _faker.Random.Int(0, 9999).ToString("0000", CultureInfo.InvariantCulture);
        return _faker.Random.Int(0, 2) switch
        {
            0 => $"({area}) {exchange}-{line}",
            1 => $"{area}-{exchange}-{line}",
            _ => $"+1 {area} {exchange} {line}",
        };
    }

    private sealed record Customer(
        string Id,
        string FirstName,
        string LastName,
        string Email,
        string Phone,
        string DateOfBirth,
        string Gender,
        string Street,
        string City,
        string State,
        string Postcode,
        string Card,
        string Cvv,
        string Iban);
}
