namespace SyntheticData.Privacy.Operators;

/// <summary>How a generalize operator coarsens values.</summary>
public enum GeneralizeMethod
{
    /// <summary>Numbers to half-open bins of a fixed width, written <c>[20, 30)</c>.</summary>
    NumericBins,

    /// <summary>Ages to bands of a fixed width, written <c>20-29</c>, with an open top band such as <c>90+</c>.</summary>
    AgeBands,

    /// <summary>Dates to their year, written <c>1985</c>.</summary>
    DateYear,

    /// <summary>Dates to their month, written <c>1985-04</c>.</summary>
    DateMonth,

    /// <summary>Postcodes to their first characters, the rest masked with <c>*</c>, written <c>81***</c>.</summary>
    PostcodePrefix,
}
