namespace SyntheticData.Privacy.Operators;

/// <summary>What a format-preserving token replaces.</summary>
public enum TokenKind
{
    /// <summary>Card numbers: every number in the cell is encrypted and its Luhn check made to fail.</summary>
    Card,

    /// <summary>Account and other digit strings: like cards, also made Luhn-invalid at card lengths.</summary>
    Digits,

    /// <summary>IBANs: the country code is kept, the rest encrypted and the mod-97 check made to fail.</summary>
    Iban,
}
