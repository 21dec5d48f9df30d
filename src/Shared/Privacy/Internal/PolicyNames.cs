namespace SyntheticData.Privacy.Internal;

/// <summary>Converts between enum member names and the camel-case names policies use in JSON.</summary>
internal static class PolicyNames
{
    public static string ToJsonName(string memberName) =>
        memberName.Length == 0 ? memberName : char.ToLowerInvariant(memberName[0]) + memberName[1..];

    public static string ToJsonName<TEnum>(TEnum value)
        where TEnum : struct, Enum => ToJsonName(value.ToString());
}
