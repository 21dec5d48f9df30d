using Amazon.CDK.AWS.Logs;

namespace SyntheticData.Infrastructure;

/// <summary>Maps a retention in days to the CloudWatch Logs value that has it.</summary>
public static class LogRetention
{
    // The values that the CloudWatch Logs PutRetentionPolicy API accepts (2.160's RetentionDays enum).
    private static readonly Dictionary<int, RetentionDays> ByDays = new()
    {
        [1] = RetentionDays.ONE_DAY,
        [3] = RetentionDays.THREE_DAYS,
        [5] = RetentionDays.FIVE_DAYS,
        [7] = RetentionDays.ONE_WEEK,
        [14] = RetentionDays.TWO_WEEKS,
        [30] = RetentionDays.ONE_MONTH,
        [60] = RetentionDays.TWO_MONTHS,
        [90] = RetentionDays.THREE_MONTHS,
        [120] = RetentionDays.FOUR_MONTHS,
        [150] = RetentionDays.FIVE_MONTHS,
        [180] = RetentionDays.SIX_MONTHS,
        [365] = RetentionDays.ONE_YEAR,
        [400] = RetentionDays.THIRTEEN_MONTHS,
        [545] = RetentionDays.EIGHTEEN_MONTHS,
        [731] = RetentionDays.TWO_YEARS,
        [1096] = RetentionDays.THREE_YEARS,
        [1827] = RetentionDays.FIVE_YEARS,
        [2192] = RetentionDays.SIX_YEARS,
        [2557] = RetentionDays.SEVEN_YEARS,
        [2922] = RetentionDays.EIGHT_YEARS,
        [3288] = RetentionDays.NINE_YEARS,
        [3653] = RetentionDays.TEN_YEARS,
    };

    /// <summary>Retention periods in days that CloudWatch Logs accepts, ascending.</summary>
    public static IReadOnlyList<int> AcceptedDays { get; } = [.. ByDays.Keys.Order()];

    /// <summary>Whether CloudWatch Logs accepts a retention of this many days.</summary>
    public static bool IsAccepted(int days) => ByDays.ContainsKey(days);

    /// <summary>Returns the retention value for a number of days.</summary>
    /// <exception cref="ArgumentOutOfRangeException">CloudWatch Logs does not accept <paramref name="days"/>.</exception>
    public static RetentionDays FromDays(int days) =>
        ByDays.TryGetValue(days, out var value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(days), days, "CloudWatch Logs does not accept this retention period.");
}
