namespace SyntheticData.Privacy.Detection;

/// <summary>
/// Groups the <see cref="PiiKind"/> values by how a policy treats them.
/// </summary>
public static class PiiKinds
{
    /// <summary>Returns true for kinds that identify a person or card on their own.</summary>
    public static bool IsDirectIdentifier(this PiiKind kind) => kind switch
    {
        PiiKind.CardNumber or PiiKind.Iban or PiiKind.Ssn or PiiKind.Email or PiiKind.Phone
            or PiiKind.IpAddress or PiiKind.DateOfBirth or PiiKind.PersonName or PiiKind.PostalAddress
            or PiiKind.AccountNumber or PiiKind.Identifier or PiiKind.CardSecurityCode or PiiKind.TrackData => true,
        _ => false,
    };

    /// <summary>Returns true for kinds that identify a person only in combination with others.</summary>
    public static bool IsQuasiIdentifier(this PiiKind kind) => kind switch
    {
        PiiKind.Location or PiiKind.PostalCode or PiiKind.GeoCoordinate or PiiKind.Gender
            or PiiKind.Age or PiiKind.Occupation or PiiKind.Demographic => true,
        _ => false,
    };

    /// <summary>
    /// Returns true for the special categories of GDPR Article 9, which may be processed only on one of the grounds that
    /// article lists, and which a policy measures as sensitive attributes.
    /// </summary>
    public static bool IsSpecialCategory(this PiiKind kind) => kind == PiiKind.SpecialCategory;

    /// <summary>
    /// Returns true for kinds that PCI DSS (requirement 3.3.1) forbids keeping after authorisation,
    /// so a policy must drop them whatever its other settings.
    /// </summary>
    public static bool IsAlwaysDropped(this PiiKind kind) =>
        kind is PiiKind.CardSecurityCode or PiiKind.TrackData;
}
