namespace SyntheticData.Privacy.Detection;

/// <summary>
/// The kinds of personal or payment data that detection reports. Direct identifiers point at one
/// person or card on their own; quasi-identifiers do so only in combination (see <see cref="PiiKinds"/>).
/// </summary>
public enum PiiKind
{
    /// <summary>No personal data found.</summary>
    None = 0,

    /// <summary>A payment card number (PAN): 12 to 19 digits, Luhn-valid, in a known issuer range.</summary>
    CardNumber,

    /// <summary>An international bank account number, validated by country length and mod 97.</summary>
    Iban,

    /// <summary>A US social security number, validated by its area, group and serial rules.</summary>
    Ssn,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A telephone number that libphonenumber parses for the row's region.</summary>
    Phone,

    /// <summary>An IPv4 or IPv6 address.</summary>
    IpAddress,

    /// <summary>A date of birth: a past date in a column whose header names a birth date.</summary>
    DateOfBirth,

    /// <summary>A person's name, full or in parts, in any script.</summary>
    PersonName,

    /// <summary>A street address or address line.</summary>
    PostalAddress,

    /// <summary>A bank account number that is not an IBAN.</summary>
    AccountNumber,

    /// <summary>A customer, user, transaction or document number that links records to one person.</summary>
    Identifier,

    /// <summary>A card security code (CVV, CVC, CID); PCI DSS forbids storing it after authorisation.</summary>
    CardSecurityCode,

    /// <summary>Magnetic-stripe track 1 or track 2 data; PCI DSS forbids storing it after authorisation.</summary>
    TrackData,

    /// <summary>A place of residence coarser than a street: city, state, region or country (quasi-identifier).</summary>
    Location,

    /// <summary>A postal or ZIP code (quasi-identifier).</summary>
    PostalCode,

    /// <summary>A latitude or longitude of where a person lives (quasi-identifier).</summary>
    GeoCoordinate,

    /// <summary>Gender or sex (quasi-identifier).</summary>
    Gender,

    /// <summary>Age in years (quasi-identifier).</summary>
    Age,

    /// <summary>Job or occupation (quasi-identifier).</summary>
    Occupation,

    /// <summary>
    /// A special category of personal data under GDPR Article 9: racial or ethnic origin, political opinion, religion or
    /// belief, trade union membership, health, sex life or sexual orientation, genetic or biometric data (sensitive attribute).
    /// </summary>
    SpecialCategory,

    /// <summary>Marital or family status, household or education level (quasi-identifier).</summary>
    Demographic,
}
