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
    /// <summary>The default average of transactions per customer.</summary>
    public const int DefaultTransactionsPerCustomer = 4;

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

    private readonly int _seed;
    private readonly int _customerCacheSize;
    private readonly int _transactionsPerCustomer;

    // Transactions draw from one random stream, and each customer's details from a seed of their own.
    private readonly Faker _faker;
    private readonly Faker _people = new("en");
    private readonly DateTime _firstTransaction = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Creates a generator; the same seed gives the same rows.</summary>
    /// <param name="seed">The seed of the whole file. The same seed gives the same records.</param>
    /// <param name="customerCacheSize">Customers kept in memory for reuse. Others are drawn again from their seeds.</param>
    /// <param name="transactionsPerCustomer">Average transactions per customer; the file has rows divided by this many customers.</param>
    public CardTransactionGenerator(int seed, int customerCacheSize = 100_000, int transactionsPerCustomer = DefaultTransactionsPerCustomer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(customerCacheSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(transactionsPerCustomer, 1);
        _seed = seed;
        _customerCacheSize = customerCacheSize;
        _transactionsPerCustomer = transactionsPerCustomer;
        _faker = new Faker("en") { Random = new Randomizer(seed) };
    }

    /// <summary>Yields <paramref name="rows"/> records in header order.</summary>
    public IEnumerable<string[]> Generate(long rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        int customerCount = (int)Math.Clamp(rows / _transactionsPerCustomer, 1, 1_000_000);
        var customers = new Dictionary<int, Customer>();
        for (long row = 0; row < rows; row++)
        {
            int index = _faker.Random.Int(0, customerCount - 1);
            if (!customers.TryGetValue(index, out Customer? customer))
            {
                customer = NewCustomer(index);

                // Only a speed-up: a customer not kept here is generated again, identically, from its own seed.
                if (customers.Count < _customerCacheSize)
                {
                    customers[index] = customer;
                }
            }

            yield return Transaction(row, customer);
        }
    }

    /// <summary>
    /// Returns customer <paramref name="index"/>, drawn from a seed of its own, so that every transaction of one
    /// customer id carries the same person however many customers the file has.
    /// </summary>
    private Customer NewCustomer(int index)
    {
        Faker faker = _people;
        faker.Random = new Randomizer(CustomerSeed(index));
        // The first name is drawn for the gender, so that a customer's name and gender agree.
        Bogus.DataSets.Name.Gender gender = faker.PickRandom<Bogus.DataSets.Name.Gender>();
        string first = faker.Name.FirstName(gender);
        string last = faker.Name.LastName();
        (string prefix, int length) = faker.PickRandom(Issuers);
        string card = CardNumber(faker, prefix, length);
        return new Customer(
            "C" + (10_000_000 + index).ToString(CultureInfo.InvariantCulture),
            first,
            last,
            Email(faker, first, last),
            Phone(faker),
            faker.Date.Between(new DateTime(1940, 1, 1), new DateTime(2005, 12, 31)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            gender == Bogus.DataSets.Name.Gender.Female ? "F" : "M",
            faker.Address.StreetAddress(),
            faker.Address.City(),
            faker.Address.StateAbbr(),
            faker.Address.ZipCode("#####"),
            FormatCard(faker, card),
            faker.Random.ReplaceNumbers(prefix is "34" or "37" ? "####" : "###"),
            faker.Finance.Iban(formatted: faker.Random.Bool(0.3f), countryCode: faker.PickRandom(IbanCountries)));
    }

    /// <summary>Mixes the file's seed and the customer index into one seed (the SplitMix64 finaliser).</summary>
    private int CustomerSeed(int index)
    {
        ulong mixed = unchecked(((ulong)(uint)_seed << 32) | (uint)index);
        mixed = unchecked((mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9UL);
        mixed = unchecked((mixed ^ (mixed >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((int)(mixed ^ (mixed >> 31)));
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

    private static string CardNumber(Faker faker, string prefix, int length)
    {
        var digits = new char[length];
        prefix.CopyTo(digits);
        for (int i = prefix.Length; i < length - 1; i++)
        {
            digits[i] = (char)('0' + faker.Random.Int(0, 9));
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

    private static string FormatCard(Faker faker, string card)
    {
        int style = faker.Random.Int(0, 9);
        if (style < 6 || card.Length != 16)
        {
            return card;
        }

        string separator = style < 8 ? " " : "-";
        return string.Join(separator, card.Chunk(4).Select(group => new string(group)));
    }

    private static string Email(Faker faker, string first, string last) =>
        $"{first}.{last}{faker.Random.Int(1, 99)}@{faker.PickRandom(Domains)}".ToLowerInvariant();

    private static string Phone(Faker faker)
    {
        string area = faker.PickRandom(AreaCodes);
        string exchange = faker.Random.Int(200, 989).ToString(CultureInfo.InvariantCulture);
        string line = faker.Random.Int(0, 9999).ToString("0000", CultureInfo.InvariantCulture);
        return faker.Random.Int(0, 2) switch
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
