namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>How many sampled values of one column passed, or only resembled, one validated kind.</summary>
internal sealed record ValidatedEvidence(PiiKind Kind, int Valid, int Failed, int Count)
{
    public double ValidShare => Count == 0 ? 0 : (double)Valid / Count;

    /// <summary>Share of values with the kind's shape, whether or not they passed its checks.</summary>
    public double ShapeShare => Count == 0 ? 0 : (double)(Valid + Failed) / Count;

    /// <summary>Describes the check in words for a reason sentence, e.g. "pass the Luhn and issuer-range checks".</summary>
    public string CheckDescription => Kind switch
    {
        PiiKind.CardNumber => "pass the Luhn and issuer-range checks",
        PiiKind.Iban => "pass the country-length and mod-97 checks",
        PiiKind.Ssn => "pass the SSN area, group and serial rules",
        PiiKind.Email => "are valid e-mail addresses",
        PiiKind.Phone => "are valid phone numbers for their region",
        PiiKind.IpAddress => "are valid IP addresses",
        PiiKind.TrackData => "are track data with a Luhn-valid card number",
        _ => "pass the checks",
    };
}
