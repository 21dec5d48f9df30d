using SyntheticData.Privacy.Policies;

namespace SyntheticData.Pipeline.Tests.Anonymization;

/// <summary>Policies shared by the anonymization tests.</summary>
internal static class TestPolicies
{
    /// <summary>
    /// Returns a policy for the columns customer, card, email and note: a pseudonym, a card token, the given e-mail
    /// operator (JSON) and keep, with empty and NULL as null markers and k = 1.
    /// </summary>
    public static DatasetPolicy CustomerCardEmailNote(string emailOperator) => PolicyReader.Parse(
        "{ \"version\": 1, \"nullMarkers\": [\"\", \"NULL\"], \"columns\": { "
        + "\"customer\": {\"operator\": \"pseudonym\", \"parameters\": {\"kind\": \"identifier\"}}, "
        + "\"card\": {\"operator\": \"token\", \"parameters\": {\"kind\": \"card\"}}, "
        + $"\"email\": {emailOperator}, "
        + "\"note\": {\"operator\": \"keep\"} }, \"k\": 1 }",
        "test policy");
}
