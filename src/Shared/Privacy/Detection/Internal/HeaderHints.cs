using System.Text;

namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>
/// Reads what a column header suggests about its contents. Headers are split into lower-case tokens at
/// punctuation, spaces, camelCase and letter-digit changes, so <c>cc_num</c>, <c>CardNumber</c> and
/// <c>Card Number</c> read alike. Phrases come in English, German, French, Spanish, Italian, Portuguese,
/// Russian, Greek, Chinese, Japanese and Korean.
/// </summary>
internal static class HeaderHints
{
    /// <summary>Phrases per kind. A leading '=' means the phrase must be the whole header.</summary>
    private static readonly (PiiKind Kind, string[] Phrases)[] Table =
    [
        (PiiKind.TrackData, ["track data", "track 1", "track 2", "track1 data", "track2 data", "magstripe", "magnetic stripe", "=track1", "=track2"]),
        (PiiKind.CardSecurityCode, [
            "cvv", "cvv2", "cvc", "cvc2", "csc", "cvn", "cav2", "cid2", "=cid", "security code", "card code", "verification code",
            "verification value", "card verification", "card verification value", "card security code", "kartenprüfnummer",
            "prüfziffer", "prüfnummer", "kartenprüfziffer", "codigo de seguridad", "código de seguridad", "cod seguridad",
            "codigo seguridad", "código seguridad", "cryptogramme", "cryptogramme visuel", "codice di sicurezza", "pin block",
            "pinblock", "pin", "pins", "pinno", "pinnr", "pinnumber", "pinnummer", "pincode"]),
        (PiiKind.CardNumber, [
            "card number", "card no", "card num", "card nr", "cc num", "cc number", "cc no", "=cc", "pan", "credit card", "creditcard number",
            "credit card number", "debit card", "debit card number", "card pan", "primary account number", "kartennummer", "kreditkarte",
            "kreditkartennummer", "numero de tarjeta", "número de tarjeta", "tarjeta", "numéro de carte", "numero de carte",
            "carte bancaire", "carta di credito", "numero carta", "número do cartão", "cartão", "номер карты", "αριθμός κάρτας",
            "卡号", "信用卡", "カード番号", "카드번호"]),
        (PiiKind.Iban, ["iban", "iban number"]),
        (PiiKind.Ssn, ["ssn", "social security", "social security number", "social security no", "=ss number", "=ssn number"]),
        (PiiKind.Email, [
            "email", "e mail", "=mail", "mail address", "email address", "e mail address", "correo", "correo electronico", "correo electrónico",
            "courriel", "adresse mail", "adresse email", "e post", "epost", "posta elettronica", "электронная почта", "почта",
            "ηλεκτρονικό ταχυδρομείο", "邮箱", "电子邮件", "メール", "이메일"]),
        (PiiKind.Phone, [
            "phone", "telephone", "tel", "mobile", "cell", "cellphone", "cell phone", "fax", "msisdn", "phone number", "phone no",
            "telefon", "telefonnummer", "handy", "handynummer", "mobilnummer", "teléfono", "telefono", "téléphone", "portable",
            "celular", "móvil", "movil", "cellulare", "telemóvel", "telemovel", "telefone", "telefoonnummer", "telefoon", "mobiel", "mobielnummer", "gsm", "mobil", "mobiltelefon", "natel", "numero de telephone", "numéro de téléphone", "телефон", "τηλέφωνο", "κινητό", "电话", "手机", "電話", "携帯", "전화"]),
        (PiiKind.IpAddress, ["ip", "ip address", "ipv4", "ipv6", "ip addr", "client ip", "remote ip", "remote addr", "source ip", "src ip", "ip adresse"]),
        (PiiKind.DateOfBirth, [
            "dob", "date of birth", "birth date", "birthdate", "birthday", "born", "birth", "geburtsdatum", "geburtstag",
            "fecha de nacimiento", "fecha nacimiento", "date de naissance", "data di nascita", "data de nascimento", "geboortedatum", "data nascita", "fecha nac",
            "дата рождения", "ημερομηνία γέννησης", "生年月日", "出生日期", "생년월일"]),
        (PiiKind.PersonName, [
            "name", "full name", "fullname", "first name", "firstname", "=first", "fname", "given name", "forename", "last name",
            "lastname", "=last", "lname", "surname", "family name", "middle name", "maiden name", "customer name", "client name",
            "cardholder", "card holder", "cardholder name", "holder name", "account holder", "account holder name", "contact name",
            "employee name", "patient name", "beneficiary", "payee", "nombre", "apellido", "apellidos", "nom", "prénom", "prenom",
            "nom de famille", "vorname", "nachname", "familienname", "nome", "cognome", "sobrenome", "apelido", "apelidos", "voornaam", "achternaam", "naam", "relationship manager", "account manager", "kundenbetreuer", "имя", "фамилия", "фио",
            "όνομα", "επώνυμο", "ονοματεπώνυμο", "姓名", "名前", "氏名", "名字", "이름", "성명"]),
        (PiiKind.PostalAddress, [
            "address", "addr", "street", "street address", "address line", "address line 1", "address line 2", "home address",
            "mailing address", "billing address", "shipping address", "residence", "adresse", "anschrift", "straße", "strasse",
            "dirección", "direccion", "domicilio", "calle", "indirizzo", "endereço", "endereco", "morada", "rue", "adres", "straat", "straatnaam", "po box", "hausnummer", "hausnr", "p o box", "pobox", "postbus", "apartado", "boite postale", "boîte postale", "casella postale",
            "адрес", "улица", "διεύθυνση", "οδός", "住所", "地址", "주소"]),
        (PiiKind.AccountNumber, [
            "account", "account number", "account no", "account num", "account nr", "acct", "acct no", "acct num", "acct number",
            "bank account", "bank account number", "kontonummer", "konto", "numero de cuenta", "número de cuenta", "numéro de compte",
            "numero di conto", "номер счета", "номер счёта"]),
        (PiiKind.Identifier, [
            "customer id", "customer number", "customer no", "customer nr", "cust id", "cust num", "cust no", "custid", "client id",
            "client number", "member id", "member number", "user id", "userid", "username", "user name", "login", "account id",
            "transaction id", "transaction number", "transaction no", "trans id", "trans num", "trans no", "txn id", "tx id",
            "patient id", "employee id", "employee number", "person id", "subscriber id", "policy number", "passport",
            "passport number", "passport no", "driver license", "drivers license", "driving licence", "licence number",
            "license number", "national id", "tax id", "tin", "kundennummer", "kunden id", "kundenid", "personalnummer",
            "steuer id", "numero de cliente", "número de cliente", "dni", "nie", "nif", "numéro client", "codice fiscale", "cpf",
            "national insurance", "national insurance number", "national insurance no", "ni number", "ni no", "nino",
            "social insurance number", "burgerservicenummer", "bsn", "sofinummer", "sofi nummer", "securite sociale",
            "sécurité sociale", "numero securite sociale", "numéro de sécurité sociale", "numero de securite sociale",
            "numero secu", "numéro sécu", "nir", "steueridentifikationsnummer", "steuer identifikationsnummer",
            "identifikationsnummer", "documento identidad", "documento de identidad", "pesel", "personnummer", "henkilötunnus", "itin", "itin number", "personalausweisnummer", "personalausweis", "ausweisnummer", "ausweis nr", "ausweisnr", "passnummer", "reisepass", "reisepassnummer", "pass nr", "svnr", "sv nummer", "sv nr", "sozialversicherungsnummer", "versichertennummer", "versicherungsnummer", "ahv", "ahv nr", "ahv nummer", "steuernummer", "steuer nr", "taxpayer id", "taxpayer identification number", "ein", "dl no", "dl number", "=dl", "licence", "license", "licence no", "license no", "ppt num", "ppt no", "passport num", "id cliente", "cliente id", "num cliente", "numero cliente", "número cliente", "codice cliente", "identifiant", "identifiant client", "klantnummer", "klantnr", "klant id", "codigo cliente", "código cliente",
            "マイナンバー", "個人番号"]),
        (PiiKind.PostalCode, [
            "zip", "zipcode", "zip code", "postcode", "post code", "postal code", "postalcode", "plz", "postleitzahl",
            "codigo postal", "código postal", "code postal", "cep", "=cap", "=cp", "codice postale", "codigo postal", "postnummer", "почтовый индекс", "индекс", "ταχυδρομικός κώδικας",
            "邮编", "邮政编码", "郵便番号", "우편번호"]),
        (PiiKind.GeoCoordinate, ["lat", "latitude", "lon", "long", "lng", "longitude", "coordinates", "geo", "breitengrad", "längengrad", "latitud", "longitud"]),
        (PiiKind.Gender, ["gender", "sex", "geschlecht", "sexe", "sexo", "género", "genero", "genere", "пол", "φύλο", "性别", "性別", "성별"]),
        (PiiKind.Age, ["age", "alter", "edad", "âge", "età", "idade", "возраст", "ηλικία", "年龄", "年齢", "나이"]),
        (PiiKind.Location, [
            "city", "town", "village", "municipality", "state", "province", "county", "region", "country", "country code", "district",
            "native country", "place of birth", "birthplace", "ort", "wohnort", "stadt", "land", "bundesland", "ciudad", "provincia",
            "pais", "país", "ville", "pays", "città", "citta", "cidade", "municipio", "localidad", "localidade", "commune", "comune", "concelho", "woonplaats", "plaats", "gemeente", "freguesia", "nationality", "nationalität", "staatsangehörigkeit", "nacionalidad", "nationalité", "nazionalità", "nacionalidade", "nationaliteit", "citizenship", "город", "страна", "πόλη", "χώρα", "城市", "国家", "都市", "도시"]),
        (PiiKind.SpecialCategory, [
            "race", "ethnicity", "ethnic origin", "ethnic group", "religion", "religious affiliation", "faith", "denomination",
            "political party", "political affiliation", "political opinion", "trade union", "union member", "union membership",
            "health", "health status", "medical condition", "diagnosis", "disability", "sexual orientation", "genetic", "biometric",
            "ethnie", "religion", "konfession", "gewerkschaft", "diagnose", "raza", "etnia", "religión", "diagnóstico",
            "origine ethnique", "appartenance syndicale", "orientation sexuelle", "этническая принадлежность", "религия"]),
        (PiiKind.Demographic, [
            "marital", "marital status", "marriage", "civil status", "family status", "personal status", "=relationship",
            "relationship status", "education", "education level", "highest degree", "dependents", "number of children",
            "household size", "familienstand", "bildung", "estado civil", "educación", "educacion", "état civil",
            "situation familiale", "семейное положение", "образование"]),
        (PiiKind.Occupation, ["job", "job title", "occupation", "profession", "beruf", "profesión", "profesion", "métier", "profession", "профессия", "职业", "職業"]),
    ];

    /// <summary>Tokens that make a header describe something other than the person (a merchant's city, a city's population).</summary>
    private static readonly HashSet<string> NonPersonalTokens = new(StringComparer.Ordinal)
    {
        "merchant", "merch", "product", "company", "business", "store", "shop", "vendor", "supplier", "brand", "item", "file",
        "host", "domain", "server", "bank", "branch", "atm", "terminal", "device", "app", "category", "pop", "population",
        "count", "total", "amount", "amt", "size", "event", "campaign", "project", "team", "org", "organization",
        "organisation", "employer", "school", "hospital", "venue", "hotel", "airport", "warehouse", "site", "mac", "url",
        "web", "wallet",
    };

    /// <summary>
    /// Tokens that make a header about an account or card describe a measure of it (account_balance, avg_account_balance,
    /// card_limit, account_tenure_days), not its number.
    /// </summary>
    private static readonly HashSet<string> MeasureTokens = new(StringComparer.Ordinal)
    {
        "balance", "bal", "tenure", "days", "months", "years", "age", "avg", "average", "mean", "median", "min", "max", "sum",
        "total", "count", "cnt", "limit", "amount", "amt", "rate", "fee", "fees", "interest", "score", "ratio", "pct", "percent",
        "type", "status", "opened", "closed", "since", "date", "saldo", "kontostand", "solde",
    };

    /// <summary>
    /// Tokens that make a header about an identity document describe an attribute of it (passport_expiry,
    /// licence_issue_date, id_type), not its number.
    /// </summary>
    private static readonly HashSet<string> DocumentAttributeTokens = new(StringComparer.Ordinal)
    {
        "expiry", "expiration", "expires", "exp", "issue", "issued", "date", "valid", "until", "country", "type", "status",
        "verified", "flag", "class", "category", "authority", "state",
    };

    /// <summary>
    /// Tokens that make a header about a security code or PIN name the outcome of checking it (cvv_result, cvv_match,
    /// pin_verified), a fraud feature that contains no code.
    /// </summary>
    private static readonly HashSet<string> CheckOutcomeTokens = new(StringComparer.Ordinal)
    {
        "result", "results", "match", "matched", "mismatch", "checked", "check", "verified", "status", "flag", "response",
        "outcome", "passed", "failed", "valid", "ok", "indicator", "ind", "resp",
    };

    private static readonly HashSet<string> VersionTokens = new(StringComparer.Ordinal)
    {
        "version", "ver", "firmware", "fw", "build", "release", "revision", "rev", "sw", "software",
    };

    private static readonly HashSet<string> CountryTokens = new(StringComparer.Ordinal)
    {
        "country", "countrycode", "land", "pays", "pais", "país", "nation", "region", "страна", "χώρα", "国家",
    };

    private static readonly HashSet<string> RowNumberHeaders = new(StringComparer.Ordinal)
    {
        "", "id", "index", "idx", "row", "row id", "row number", "row no", "rownum", "no", "nr", "unnamed 0", "record", "seq", "#",
    };

    /// <summary>Splits a header into lower-case tokens.</summary>
    public static IReadOnlyList<string> Tokenize(string header)
    {
        List<string> tokens = [];
        StringBuilder current = new();
        char previous = '\0';
        foreach (char c in header)
        {
            if (!char.IsLetterOrDigit(c))
            {
                Flush(tokens, current);
            }
            else
            {
                bool camelBoundary = char.IsLower(previous) && char.IsUpper(c);
                bool digitBoundary = current.Length > 0 && char.IsDigit(previous) != char.IsDigit(c);
                if (camelBoundary || digitBoundary)
                {
                    Flush(tokens, current);
                }

                current.Append(char.ToLowerInvariant(c));
            }

            previous = c;
        }

        Flush(tokens, current);
        return tokens;
    }

    /// <summary>Returns the best hint for a header: the longest matching phrase, ties broken by table order.</summary>
    public static HeaderHint? Match(string header)
    {
        HeaderHint? best = null;
        foreach (HeaderHint hint in MatchingPhrases(header))
        {
            if (best is null || hint.TokenCount > best.Value.TokenCount)
            {
                best = hint;
            }
        }

        return best;
    }

    /// <summary>
    /// Returns true when any phrase of <paramref name="kind"/> matches the header, even where a longer phrase of another
    /// kind wins <see cref="Match"/>.
    /// </summary>
    public static bool Suggests(string header, PiiKind kind) => MatchingPhrases(header).Any(hint => hint.Kind == kind);

    /// <summary>Returns a hint for every phrase of the table that matches the header, in table order.</summary>
    private static IEnumerable<HeaderHint> MatchingPhrases(string header)
    {
        IReadOnlyList<string> tokens = Tokenize(header);
        string joined = string.Join(' ', tokens);
        foreach ((PiiKind kind, string[] phrases) in Table)
        {
            foreach (string entry in phrases)
            {
                bool exact = entry.StartsWith('=');
                string phrase = exact ? entry[1..] : entry;
                string[] phraseTokens = phrase.Split(' ');
                bool matched = exact ? joined == phrase : Contains(tokens, joined, phraseTokens);
                if (matched && !(IsPersonalAttribute(kind) && IsBlocked(tokens, phraseTokens))
                    && !(IsAccountNumber(kind) && IsMeasure(tokens, phraseTokens))
                    && !(kind == PiiKind.Identifier && NamesAttribute(tokens, phraseTokens, DocumentAttributeTokens))
                    && !(kind is PiiKind.CardSecurityCode or PiiKind.TrackData && NamesAttribute(tokens, phraseTokens, CheckOutcomeTokens)))
                {
                    yield return new HeaderHint(kind, phrase, phraseTokens.Length);
                }
            }
        }
    }

    /// <summary>Returns true when a token of the header names the outcome of a check (result, match, verified, status).</summary>
    public static bool NamesCheckOutcome(string header) => Tokenize(header).Any(CheckOutcomeTokens.Contains);

    /// <summary>Returns true when a token of the header names a software version (version, firmware, build, release).</summary>
    public static bool NamesVersion(string header) => Tokenize(header).Any(VersionTokens.Contains);

    /// <summary>Returns true when a token of the header says the column describes something other than a person (merchant, product).</summary>
    public static bool NamesSomethingElse(string header) => Tokenize(header).Any(NonPersonalTokens.Contains);

    /// <summary>Returns true when the header names a country or region, so its values may set the phone region.</summary>
    public static bool IsCountryHeader(string header) => Tokenize(header).Any(CountryTokens.Contains);

    /// <summary>Returns true when the header is empty or a generic row label such as "id" or "index".</summary>
    public static bool IsRowNumberHeader(string header) => RowNumberHeaders.Contains(string.Join(' ', Tokenize(header)));

    private static bool Contains(IReadOnlyList<string> tokens, string joined, string[] phraseTokens)
    {
        // Scripts written without spaces (Chinese, Japanese) keep a phrase inside one token.
        if (phraseTokens.Length == 1 && phraseTokens[0].Length > 0 && IsCjk(phraseTokens[0][0]))
        {
            return joined.Contains(phraseTokens[0], StringComparison.Ordinal);
        }

        for (int i = 0; i + phraseTokens.Length <= tokens.Count; i++)
        {
            bool all = true;
            for (int j = 0; j < phraseTokens.Length && all; j++)
            {
                all = tokens[i + j] == phraseTokens[j];
            }

            if (all)
            {
                return true;
            }
        }

        // Compounds written as one word: "firstname", "dateofbirth", "cardnumber".
        if (phraseTokens.Length > 1)
        {
            string compound = string.Concat(phraseTokens);
            return tokens.Contains(compound);
        }

        return false;
    }

    private static bool IsPersonalAttribute(PiiKind kind) =>
        kind is PiiKind.PersonName or PiiKind.PostalAddress or PiiKind.Location or PiiKind.PostalCode or PiiKind.GeoCoordinate
            or PiiKind.Age or PiiKind.Gender or PiiKind.Occupation or PiiKind.SpecialCategory or PiiKind.Demographic;

    private static bool IsAccountNumber(PiiKind kind) => kind is PiiKind.AccountNumber or PiiKind.CardNumber or PiiKind.Iban;

    private static bool IsMeasure(IReadOnlyList<string> tokens, string[] phraseTokens) => NamesAttribute(tokens, phraseTokens, MeasureTokens);

    private static bool NamesAttribute(IReadOnlyList<string> tokens, string[] phraseTokens, HashSet<string> attributes) =>
        tokens.Any(token => attributes.Contains(token) && !phraseTokens.Contains(token));

    private static bool IsBlocked(IReadOnlyList<string> tokens, string[] phraseTokens)
    {
        foreach (string token in tokens)
        {
            if (NonPersonalTokens.Contains(token) && !phraseTokens.Contains(token))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCjk(char c) => c is >= '\u3040' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF';

    private static void Flush(List<string> tokens, StringBuilder current)
    {
        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
            current.Clear();
        }
    }
}
